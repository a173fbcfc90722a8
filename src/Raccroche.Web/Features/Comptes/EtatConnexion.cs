namespace Raccroche.Web.Features.Comptes;

/// <summary>
/// What sign-in remembers about an account: counted failures, the pause they impose, the last
/// authenticator step accepted. Kept apart from the Identity user row on purpose: Identity saves that
/// row whole (every column) from whatever copy a request loaded, which would write old values back
/// over a pause or a used code. Here every change is one conditional UPDATE, safe under concurrency.
/// </summary>
public sealed class EtatConnexion
{
    public required string UtilisateurId { get; set; }

    /// <summary>Wrong passwords since the last right one.</summary>
    public int Echecs { get; set; }

    /// <summary>Until then, passwords from browsers not known as the owner's are not even checked.</summary>
    public DateTime? PauseJusquA { get; set; }

    /// <summary>The time step (Unix seconds / 30) of the last authenticator code accepted: a code is accepted once.</summary>
    public long? DernierPasTotp { get; set; }

    /// <summary>Creates the account's row if needed (INSERT … ON CONFLICT DO NOTHING: SQLite and PostgreSQL alike).</summary>
    public static Task AssurerAsync(RaccrocheDbContext db, string utilisateurId) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"EtatsConnexion\" (\"UtilisateurId\", \"Echecs\") VALUES ({utilisateurId}, 0) ON CONFLICT (\"UtilisateurId\") DO NOTHING");
}
