using System.Security.Cryptography;

namespace Raccroche.Web.Features.Journal;

/// <summary>
/// The hash chain of the audit trail. Every line added is given, in the transaction that inserts it, the next
/// <see cref="JournalAcces.Rang"/>, the previous line's hash and its own: SHA-256 over the previous hash and the line's
/// fields. Lines are chained one transaction at a time: on PostgreSQL a transaction-scoped advisory lock, held until the
/// commit, orders the instances; SQLite transactions already hold the write lock from their start (BEGIN IMMEDIATE). The
/// unique index on the rank refuses a fork whatever happens. Called by RaccrocheDbContext.SaveChanges (decision 0025).
/// </summary>
public static class ChainageJournal
{
    /// <summary>The previous hash of the first line of the chain.</summary>
    public static readonly string Origine = new('0', 64);

    /// <summary>Arbitrary, fixed: the advisory lock key of the chain's head ("journal" in ASCII).</summary>
    private const long CleVerrou = 0x6A6F75726E616C;

    public static bool AChainer(DbContext db) => db.ChangeTracker.Entries<JournalAcces>().Any(e => e.State == EntityState.Added);

    /// <summary>Gives the added lines their rank and hashes; must run in the transaction that inserts them.</summary>
    public static async Task ChainerAsync(DbContext db, CancellationToken ct)
    {
        var ajoutees = db.ChangeTracker.Entries<JournalAcces>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (ajoutees.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({CleVerrou})", ct);
        }

        var tete = await db.Set<JournalAcces>().AsNoTracking().Where(j => j.Rang != null).OrderByDescending(j => j.Rang)
            .Select(j => new { j.Rang, j.Empreinte }).FirstOrDefaultAsync(ct);
        var rang = tete?.Rang ?? 0;
        var precedente = tete?.Empreinte ?? Origine;
        foreach (var j in ajoutees)
        {
            // Microseconds: what PostgreSQL keeps, so the hash of the line read back is the hash written.
            j.Le = new DateTime(j.Le.Ticks - (j.Le.Ticks % 10), DateTimeKind.Utc);
            j.Rang = ++rang;
            j.EmpreintePrecedente = precedente;
            j.Empreinte = Calculer(precedente, j);
            precedente = j.Empreinte;
        }
    }

    /// <summary>SHA-256 (lower-case hex) of the previous hash and every field of the line, each with its length (null is -1).</summary>
    public static string Calculer(string precedente, JournalAcces j)
    {
        var texte = new StringBuilder(precedente);
        foreach (var champ in Champs(j))
        {
            texte.Append('\n').Append(champ is null ? "-1" : champ.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(champ);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(texte.ToString())));
    }

    private static IEnumerable<string?> Champs(JournalAcces j) =>
    [
        j.Rang?.ToString(CultureInfo.InvariantCulture),
        j.Le.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        j.UtilisateurId, j.Utilisateur, j.Action, j.Ressource, j.RessourceId, j.Adresse, j.Detail,
    ];
}

/// <summary>What <c>verifier-journal</c> found: lines checked, and the first broken one (its id, its rank and why).</summary>
public sealed record BilanVerificationJournal(long Verifiees, long NonChainees, long? PremiereCasseeId, long? RangCasse, string? Raison)
{
    public bool Intacte => PremiereCasseeId is null && Raison is null;

    public string Resume() => Intacte
        ? $"Journal intact : {Verifiees} ligne(s) chaînée(s) vérifiée(s){(NonChainees > 0 ? $", {NonChainees} ligne(s) antérieure(s) au chaînage" : "")}."
        : $"Journal altéré : première ligne en défaut id {PremiereCasseeId?.ToString(CultureInfo.InvariantCulture) ?? "?"} (rang {RangCasse?.ToString(CultureInfo.InvariantCulture) ?? "?"}) : {Raison}. {Verifiees} ligne(s) vérifiée(s) avant elle.";
}

/// <summary>Walks the chain in rank order and recomputes every hash (streamed: the trail may hold millions of lines).</summary>
public static class VerificationJournal
{
    public static async Task<BilanVerificationJournal> VerifierAsync(RaccrocheDbContext db, CancellationToken ct = default)
    {
        var lignes = db.Journal.AsNoTracking();
        var premierChaine = await lignes.Where(j => j.Rang != null).OrderBy(j => j.Rang).Select(j => (long?)j.Id).FirstOrDefaultAsync(ct);
        var nonChainees = await lignes.CountAsync(j => j.Rang == null, ct);

        // A line without rank written after the chain began was not written by the app (it chains every line it adds).
        if (premierChaine is { } premier && await lignes.Where(j => j.Rang == null && j.Id > premier).OrderBy(j => j.Id).Select(j => (long?)j.Id).FirstOrDefaultAsync(ct) is { } intrus)
        {
            return new BilanVerificationJournal(0, nonChainees, intrus, null, "ligne sans rang écrite après le début du chaînage");
        }

        long verifiees = 0;
        long? rangPrecedent = null;
        long idPrecedent = 0;
        string? empreintePrecedente = null;
        await foreach (var j in lignes.Where(j => j.Rang != null).OrderBy(j => j.Rang).AsAsyncEnumerable().WithCancellation(ct))
        {
            string? raison = null;
            if (rangPrecedent is { } r && j.Rang != r + 1)
            {
                raison = $"rang {r + 1} à {j.Rang - 1} manquant(s) : ligne(s) supprimée(s)";
            }
            else if (empreintePrecedente is not null && j.EmpreintePrecedente != empreintePrecedente)
            {
                // The previous line matched its own hash, recomputed after a change: this one no longer finds it.
                return new BilanVerificationJournal(verifiees - 1, nonChainees, idPrecedent, rangPrecedent,
                    "ligne modifiée, son empreinte recalculée : la ligne suivante ne la retrouve pas");
            }
            else if (j.EmpreintePrecedente is null || j.Empreinte != ChainageJournal.Calculer(j.EmpreintePrecedente, j))
            {
                raison = "son contenu ne correspond plus à son empreinte : ligne modifiée";
            }

            if (raison is not null)
            {
                return new BilanVerificationJournal(verifiees, nonChainees, j.Id, j.Rang, raison);
            }

            verifiees++;
            idPrecedent = j.Id;
            rangPrecedent = j.Rang;
            empreintePrecedente = j.Empreinte;
        }

        return new BilanVerificationJournal(verifiees, nonChainees, null, null, null);
    }
}
