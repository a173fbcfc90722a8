namespace Raccroche.Web.Commun.Formulaires;

/// <summary>
/// What a failed form post carried, for the error page to offer it again (decision 0025): when the database is
/// unavailable beyond the retries and the page cannot render itself, the user sees the values they typed, can correct
/// them and send them again to the same address (the antiforgery token and the hidden fields, such as a case file's
/// version, go along, so a second send is checked like the first). Files are not kept: the page says so.
/// </summary>
public sealed record FormulaireConserve(string Action, IReadOnlyList<ChampConserve> Champs, string? Jeton, bool AvaitFichiers)
{
    public const string NomJeton = "__RequestVerificationToken";

    /// <summary>The posted form of the failed request, or null (not a form post, or nothing readable).</summary>
    public static async Task<FormulaireConserve?> LireAsync(HttpRequest requete, string? chemin)
    {
        if (!HttpMethods.IsPost(requete.Method) || !requete.HasFormContentType || chemin is null)
        {
            return null;
        }

        IFormCollection form;
        try
        {
            form = await requete.ReadFormAsync();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            return null;
        }

        var champs = form.Where(c => c.Key != NomJeton)
            .SelectMany(c => c.Value.Select(v => new ChampConserve(c.Key, v ?? "")))
            .ToList();
        return new FormulaireConserve(chemin + requete.QueryString, champs, form[NomJeton].FirstOrDefault(), form.Files.Count > 0);
    }
}

/// <summary>One posted value: its field name, a readable label made from it, and the value.</summary>
public sealed record ChampConserve(string Nom, string Valeur)
{
    /// <summary>"Saisie.NouveauStatut" → "Nouveau statut": the last part of the name, its words apart.</summary>
    public string Libelle
    {
        get
        {
            var dernier = Nom[(Nom.LastIndexOf('.') + 1)..].Replace("[", " ", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
            var mots = new System.Text.StringBuilder();
            foreach (var c in dernier)
            {
                if (char.IsUpper(c) && mots.Length > 0)
                {
                    mots.Append(' ').Append(char.ToLowerInvariant(c));
                }
                else
                {
                    mots.Append(c);
                }
            }

            return mots.Length > 0 ? char.ToUpperInvariant(mots[0]) + mots.ToString()[1..] : Nom;
        }
    }

    public bool Long => Valeur.Length > 80 || Valeur.Contains('\n', StringComparison.Ordinal);
}
