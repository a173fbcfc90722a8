using Raccroche.Web.Features.Journal;

namespace Raccroche.Web.Features.Decrocheurs;

/// <summary>
/// The regional administrator's view of the PSADs (<c>/pro/admin/psads</c>): counts only (partners, coordinators, open
/// files; never a young person), and the creation and editing of a PSAD: its code, name, territory and partner
/// structures. The code is what the verbs and the livraisons know a PSAD by: it cannot change once a list was imported.
/// Every write is audited.
/// </summary>
public sealed partial class AdministrationPsads(RaccrocheDbContext db, Tracabilite journal)
{
    public const int TerritoireMaximum = 300;
    public const int PartenairesMaximum = 60;

    /// <summary>How many unchosen structures a search shows (the administrator narrows it by name).</summary>
    public const int StructuresProposees = 40;

    public sealed record Ligne(int Id, string Code, string Nom, IReadOnlyList<string> Territoire, int Partenaires, int Coordinateurs, int DossiersOuverts);

    public sealed record Fiche(int Id, string Code, string Nom, IReadOnlyList<string> Territoire, IReadOnlyList<int> Partenaires, bool ALivraisons);

    public sealed record StructureProposee(int Id, string Nom, string Type);

    public async Task<IReadOnlyList<Ligne>> ListerAsync(CancellationToken ct = default)
    {
        var ouverts = new[] { StatutDossier.Cloture, StatutDossier.Transfere, StatutDossier.Annule };
        return await db.Psads.AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new Ligne(p.Id, p.Code, p.Nom, p.Territoire, p.Partenaires.Count,
                db.HabilitationsSuivi.Count(h => h.PsadId == p.Id && h.Role == RoleSuivi.CoordinateurPsad),
                db.JeunesSuivis.Count(j => j.PsadId == p.Id && j.AnonymiseLe == null && !ouverts.Contains(j.Statut))))
            .ToListAsync(ct);
    }

    public async Task<Fiche?> LireAsync(string? code, CancellationToken ct = default) =>
        code is null ? null : await db.Psads.AsNoTracking().Where(p => p.Code == code)
            .Select(p => new Fiche(p.Id, p.Code, p.Nom, p.Territoire, p.Partenaires.Select(x => x.StructureId).ToList(), db.Livraisons.Any(l => l.PsadId == p.Id)))
            .FirstOrDefaultAsync(ct);

    /// <summary>The catalogue's structures whose name holds <paramref name="recherche"/> (all when empty), and those already chosen.</summary>
    public async Task<IReadOnlyList<StructureProposee>> StructuresAsync(string? recherche, IReadOnlyCollection<int> choisies, CancellationToken ct = default)
    {
        var toutes = await db.Structures.AsNoTracking().Select(s => new StructureProposee(s.Id, s.Nom, s.Type)).ToListAsync(ct);
        var mots = TexteFrancais.Replier(recherche ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ordre = StringComparer.Create(new("fr-FR"), true);
        return [.. toutes.Where(s => choisies.Contains(s.Id)).OrderBy(s => s.Nom, ordre),
            .. toutes.Where(s => !choisies.Contains(s.Id) && mots.All(m => TexteFrancais.Replier(s.Nom + " " + s.Type).Contains(m, StringComparison.Ordinal)))
                .OrderBy(s => s.Nom, ordre).Take(StructuresProposees)];
    }

    /// <summary>
    /// Creates (<paramref name="id"/> null) or edits a PSAD. Every field is checked first: nothing is written when one is
    /// wrong. Returns the PSAD's code.
    /// </summary>
    public async Task<Resultat<string>> EnregistrerAsync(int? id, string? code, string? nom, string? territoire, IReadOnlyCollection<int> partenaires, string? auteur, CancellationToken ct = default)
    {
        var erreurs = new Erreurs();
        Psad? psad = null;
        if (id is not null)
        {
            psad = await db.Psads.Include(p => p.Partenaires).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (psad is null)
            {
                return Resultat<string>.Echec("code", "Cette PSAD n'existe plus.", Refus.Interdit);
            }
        }

        code = code?.Trim() ?? "";
        if (!CodeValide().IsMatch(code))
        {
            erreurs.Ajouter("code", "Le code s'écrit en 1 à 20 lettres, chiffres ou tirets, sans espace (par exemple 63 ou 69-nord).");
        }
        else if (psad is not null && psad.Code != code && await db.Livraisons.AnyAsync(l => l.PsadId == psad.Id, ct))
        {
            erreurs.Ajouter("code", $"Le code ne peut plus changer : des livraisons SIEI ont déjà été importées sous le code « {psad.Code} ».");
        }
        else if (await db.Psads.AnyAsync(p => p.Code == code && p.Id != (id ?? 0), ct))
        {
            erreurs.Ajouter("code", $"Une autre PSAD a déjà le code « {code} ».");
        }

        nom = nom?.Trim() ?? "";
        if (nom.Length is 0 or > 150)
        {
            erreurs.Ajouter("nom", "Indiquez le nom de la PSAD (150 caractères au plus).");
        }

        var codes = await LireTerritoireAsync(territoire, erreurs, ct);

        var choisies = partenaires.Distinct().ToList();
        var connues = await db.Structures.Where(s => choisies.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (connues.Count != choisies.Count)
        {
            erreurs.Ajouter("partenaires", "Une des structures choisies n'existe plus dans le catalogue : cochez de nouveau les partenaires.");
        }
        else if (choisies.Count > PartenairesMaximum)
        {
            erreurs.Ajouter("partenaires", $"Une PSAD a au plus {PartenairesMaximum} structures partenaires.");
        }

        if (erreurs.Any)
        {
            return Resultat<string>.Echec(erreurs);
        }

        var detail = $"PSAD {code} « {nom} » : territoire {string.Join(",", codes)} ; {choisies.Count} partenaire(s)";
        if (psad is null)
        {
            psad = new Psad { Code = code, Nom = nom, Territoire = codes, Partenaires = [.. choisies.Select(s => new PartenairePsad { StructureId = s })] };
            db.Psads.Add(psad);
            await db.SaveChangesAsync(ct);
            journal.Ajouter(Tracabilite.Creation, "psad", psad.Id.ToString(CultureInfo.InvariantCulture), detail, auteur);
        }
        else
        {
            var ancien = $"{psad.Code} « {psad.Nom} », territoire {string.Join(",", psad.Territoire)}, {psad.Partenaires.Count} partenaire(s)";
            psad.Code = code;
            psad.Nom = nom;
            psad.Territoire = codes;
            psad.Partenaires.RemoveAll(x => !choisies.Contains(x.StructureId));
            psad.Partenaires.AddRange(choisies.Where(s => psad.Partenaires.All(x => x.StructureId != s)).Select(s => new PartenairePsad { PsadId = psad.Id, StructureId = s }));
            journal.Ajouter(Tracabilite.Modification, "psad", psad.Id.ToString(CultureInfo.InvariantCulture), $"{detail} (avant : {ancien})", auteur);
        }

        await db.SaveChangesAsync(ct);
        return Resultat<string>.Succes(code);
    }

    /// <summary>Département codes (63, 2A, 974) or commune INSEE codes known to the communes table; each unknown one named.</summary>
    private async Task<List<string>> LireTerritoireAsync(string? territoire, Erreurs erreurs, CancellationToken ct)
    {
        var codes = (territoire ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (codes.Count == 0 || codes.Count > TerritoireMaximum)
        {
            erreurs.Ajouter("territoire", $"Indiquez le territoire : de 1 à {TerritoireMaximum} codes de département (63, 2A…) ou codes INSEE de communes, séparés par des virgules.");
            return codes;
        }

        var communes = codes.Where(c => c.Length == 5).ToList();
        var connues = await db.Communes.Where(c => communes.Contains(c.CodeInsee)).Select(c => c.CodeInsee).ToListAsync(ct);
        var inconnus = codes.Where(c => !(Communes.Departements.Existe(c) || connues.Contains(c))).ToList();
        if (inconnus.Count > 0)
        {
            erreurs.Ajouter("territoire", $"Code(s) inconnu(s) dans le territoire : {string.Join(", ", inconnus)}. Utilisez des codes de département ou des codes INSEE de communes existantes.");
        }

        return codes;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex CodeValide();
}
