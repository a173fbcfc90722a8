namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>What a dispatch rule looks at in the young person's row.</summary>
public enum CritereRepartition
{
    /// <summary>16 or 17 on the list's date: the obligation de formation (usually the mission locale or the CIO/MLDS).</summary>
    [Valeur("obligation-formation", "Obligation de formation (16-17 ans)")] ObligationFormation,

    /// <summary>Last trained in the agricultural system (lycée agricole: a DRAAF partner).</summary>
    [Valeur("systeme-agricole", "Enseignement agricole")] SystemeAgricole,

    /// <summary>Last trained as an apprentice.</summary>
    [Valeur("apprenti", "Apprentissage")] Apprenti,

    /// <summary>SIEI says the mission locale already knows the young person.</summary>
    [Valeur("connu-mission-locale", "Déjà connu de la mission locale")] ConnuMissionLocale,

    /// <summary>Lives in one of the rule's communes (INSEE codes).</summary>
    [Valeur("commune", "Commune de résidence")] Commune,

    /// <summary>Lives in one of the rule's départements.</summary>
    [Valeur("departement", "Département de résidence")] Departement,

    /// <summary>Everyone left: the last rule of a PSAD that wants no file waiting.</summary>
    [Valeur("tous", "Tous les autres")] Tous,
}

/// <summary>
/// One dispatch rule of a PSAD, edited by its coordinators: the rules are tried in <see cref="Ordre"/>, the first that
/// matches gives the partner structure a new (or reopened) file goes to.
/// </summary>
public sealed class RegleRepartition
{
    public int Id { get; set; }
    public int PsadId { get; set; }
    public int Ordre { get; set; }
    public CritereRepartition Critere { get; set; }

    /// <summary>The commune (INSEE) or département codes of a <see cref="CritereRepartition.Commune"/> or <see cref="CritereRepartition.Departement"/> rule.</summary>
    public List<string> Codes { get; set; } = [];
    public int StructureId { get; set; }
}

/// <summary>What the rules read of a young person: age on the list's date, commune, last system of training, known to the mission locale.</summary>
public sealed record ProfilRepartition(int? Age, string? CodeInsee, string? SystemeFormation, bool? ConnuMissionLocale)
{
    public static ProfilRepartition De(LigneSiei l, DateOnly dateListe) =>
        new(l.DateNaissance is { } n ? Drapeaux.Age(n, dateListe) : null, l.CodeInsee, l.SystemeFormation, l.ConnuMissionLocale);
}

/// <summary>The rule that matched (its rank, from 1) and the partner structure it names.</summary>
public sealed record ChoixRepartition(int Numero, int StructureId, string Raison)
{
    /// <summary>The history line of the file.</summary>
    public string Detail => $"répartition automatique : règle {Numero} ({Raison})";
}

/// <summary>
/// The dispatch of the follow-up: territory first (a young person living outside the PSAD's territory is not dispatched
/// but offered for transfer to the PSAD whose territory holds their commune), then the PSAD's rules in order, first match
/// wins. Pure: the import and the transfers call it with what they read.
/// </summary>
public static class Repartition
{
    /// <summary>
    /// The first rule that matches <paramref name="profil"/>, skipping rules whose structure is no longer one of the PSAD's
    /// <paramref name="partenaires"/>; null when none does (the file stays "à attribuer").
    /// </summary>
    public static ChoixRepartition? Choisir(IEnumerable<RegleRepartition> regles, IReadOnlySet<int> partenaires, ProfilRepartition profil)
    {
        var numero = 0;
        foreach (var r in regles.OrderBy(r => r.Ordre).ThenBy(r => r.Id))
        {
            numero++;
            if (!partenaires.Contains(r.StructureId) || Raison(r, profil) is not { } raison)
            {
                continue;
            }

            return new ChoixRepartition(numero, r.StructureId, raison);
        }

        return null;
    }

    /// <summary>Why the rule matches the profile, or null when it does not.</summary>
    private static string? Raison(RegleRepartition r, ProfilRepartition p) => r.Critere switch
    {
        CritereRepartition.ObligationFormation when p.Age is 16 or 17 => $"{p.Age} ans, obligation de formation",
        CritereRepartition.SystemeAgricole when p.SystemeFormation == "agricole" => "enseignement agricole",
        CritereRepartition.Apprenti when p.SystemeFormation == "apprentissage" => "apprentissage",
        CritereRepartition.ConnuMissionLocale when p.ConnuMissionLocale == true => "déjà connu de la mission locale",
        CritereRepartition.Commune when p.CodeInsee is { } c && r.Codes.Contains(c, StringComparer.OrdinalIgnoreCase) => $"commune {c}",
        CritereRepartition.Departement when Communes.Departements.DeCommune(p.CodeInsee) is { } d && r.Codes.Contains(d, StringComparer.OrdinalIgnoreCase) => $"département {d}",
        CritereRepartition.Tous => "tous les autres",
        _ => null,
    };

    /// <summary>
    /// Does the territory (département codes such as "63", "2A", "974", or commune INSEE codes) hold the commune? A row
    /// without a commune code, or a PSAD whose territory is not filled in, is taken as inside: nothing says otherwise.
    /// </summary>
    public static bool Contient(IEnumerable<string> territoire, string? codeInsee)
    {
        var liste = territoire as IReadOnlyCollection<string> ?? [.. territoire];
        if (string.IsNullOrWhiteSpace(codeInsee) || liste.Count == 0)
        {
            return true;
        }

        var code = codeInsee.Trim().ToUpperInvariant();
        return liste.Any(t => t.Length == 5 ? string.Equals(t, code, StringComparison.OrdinalIgnoreCase) : code.StartsWith(t.ToUpperInvariant(), StringComparison.Ordinal));
    }

    /// <summary>The files of <paramref name="psad"/> whose young person lives outside its territory, in SQL (the same rule as <see cref="Contient"/>).</summary>
    public static IQueryable<JeuneSuivi> HorsTerritoire(IQueryable<JeuneSuivi> q, int psad, IReadOnlyCollection<string> territoire)
    {
        var communes = territoire.Where(t => t.Length == 5).Select(t => t.ToUpperInvariant()).ToList();
        var departements = territoire.Where(t => t.Length < 5).Select(t => t.ToUpperInvariant()).ToList();
        if (territoire.Count == 0)
        {
            return q.Where(j => false);
        }

        return q.Where(j => j.PsadId == psad && j.CodeInsee != null && j.CodeInsee != ""
            && !communes.Contains(j.CodeInsee) && !departements.Contains(j.CodeInsee.Substring(0, 2)) && !departements.Contains(j.CodeInsee.Substring(0, 3)));
    }

    /// <summary>How many open files of <paramref name="q"/> (restricted to <paramref name="psads"/>) live outside their PSAD's territory.</summary>
    public static async Task<int> CompterHorsTerritoireAsync(RaccrocheDbContext db, IQueryable<JeuneSuivi> q, IEnumerable<int> psads, CancellationToken ct)
    {
        var ids = psads.ToList();
        var territoires = await db.Psads.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Territoire }).ToListAsync(ct);
        var n = 0;
        foreach (var p in territoires)
        {
            n += await HorsTerritoire(q, p.Id, p.Territoire).CountAsync(j => j.Statut != StatutDossier.Cloture && j.Statut != StatutDossier.Transfere && j.Statut != StatutDossier.Annule, ct);
        }

        return n;
    }

    /// <summary>The other PSAD whose territory holds the commune (commune codes before départements), if any.</summary>
    public static T? PsadDuTerritoire<T>(IEnumerable<T> psads, Func<T, IEnumerable<string>> territoire, string? codeInsee)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(codeInsee))
        {
            return null;
        }

        var liste = psads.ToList();
        return liste.FirstOrDefault(p => territoire(p).Any(t => t.Length == 5 && string.Equals(t, codeInsee.Trim(), StringComparison.OrdinalIgnoreCase)))
            ?? liste.FirstOrDefault(p => territoire(p).Any(t => t.Length < 5 && codeInsee.Trim().StartsWith(t, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>What the import and the transfers need to dispatch within one PSAD: its territory, its rules, its partners, every PSAD (for transfers).</summary>
public sealed record ContexteRepartition(int PsadId, IReadOnlyList<string> Territoire, IReadOnlyList<RegleRepartition> Regles, IReadOnlySet<int> Partenaires, IReadOnlyList<PsadTerritoire> Psads)
{
    public static async Task<ContexteRepartition> ChargerAsync(RaccrocheDbContext db, int psad, CancellationToken ct)
    {
        var psads = await db.Psads.AsNoTracking().OrderBy(p => p.Code).Select(p => new PsadTerritoire(p.Id, p.Code, p.Nom, p.Territoire)).ToListAsync(ct);
        var regles = await db.ReglesRepartition.AsNoTracking().Where(r => r.PsadId == psad).OrderBy(r => r.Ordre).ThenBy(r => r.Id).ToListAsync(ct);
        var partenaires = (await db.Set<PartenairePsad>().Where(p => p.PsadId == psad).Select(p => p.StructureId).ToListAsync(ct)).ToHashSet();
        return new ContexteRepartition(psad, psads.First(p => p.Id == psad).Territoire, regles, partenaires, psads);
    }

    /// <summary>Where a row goes: outside the territory (and the PSAD proposed for a transfer), a partner by a rule, or nowhere (à attribuer).</summary>
    public Destination Decider(LigneSiei l, DateOnly dateListe) => Decider(ProfilRepartition.De(l, dateListe));

    public Destination Decider(ProfilRepartition profil)
    {
        if (!Repartition.Contient(Territoire, profil.CodeInsee))
        {
            return new Destination(null, true, Repartition.PsadDuTerritoire(Psads.Where(p => p.Id != PsadId), p => p.Territoire, profil.CodeInsee));
        }

        return new Destination(Repartition.Choisir(Regles, Partenaires, profil), false, null);
    }
}

public sealed record PsadTerritoire(int Id, string Code, string Nom, List<string> Territoire);

/// <summary>The dispatch of one row: <see cref="Choix"/> when a rule matched; <see cref="HorsTerritoire"/> with the PSAD to transfer to, if one covers the commune.</summary>
public sealed record Destination(ChoixRepartition? Choix, bool HorsTerritoire, PsadTerritoire? PsadProposee)
{
    /// <summary>The preview's words for it.</summary>
    public string Resume(Func<int, string> structure) => HorsTerritoire
        ? "hors territoire : transfert à proposer" + (PsadProposee is { } p ? $" à la PSAD {p.Code} – {p.Nom}" : " (aucune PSAD ne couvre cette commune)")
        : Choix is { } c ? $"vers {structure(c.StructureId)} (règle {c.Numero} : {c.Raison})" : "à attribuer (aucune règle ne s'applique)";
}
