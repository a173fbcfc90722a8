using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Raccroche.Web.Donnees;

/// <summary>
/// Writes many new rows of one entity type inside the context's current transaction, without change tracking (which
/// costs seconds and hundreds of megabytes for 100,000 entities): PostgreSQL binary <c>COPY</c>, SQLite one prepared
/// <c>INSERT</c> reused. The columns, their names, their conversions (closed lists as codes, lists of numbers as arrays
/// or JSON) and their defaults come from the EF model, so a column added to the entity is written without touching
/// this class. Nothing is committed here: the caller's transaction decides, so a failure leaves nothing.
/// </summary>
public static partial class InsertionEnMasse
{
    /// <summary>
    /// Inserts <paramref name="lignes"/> (read once, in order). With <paramref name="cles"/>, the generated keys are
    /// given to the entities (as <c>SaveChanges</c> would): on PostgreSQL reserved in one query from the column's
    /// sequence; on SQLite each row's own, from <c>RETURNING</c>. Without, the key column is left to the database.
    /// </summary>
    public static async Task InsererAsync<T>(RaccrocheDbContext db, IEnumerable<T> lignes, bool cles, CancellationToken ct = default)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction (all or nothing): begin one first.");
        var cle = type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } seule] ? seule : null;
        if (cles && cle is null)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no generated key to give back.");
        }

        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var colonnes = Colonnes(type, table, sauf: cle is not null && (!cles || !db.Database.IsNpgsql()) ? cle : null);
        if (db.Database.IsNpgsql())
        {
            await CopierAsync((NpgsqlConnection)transaction.Connection!, table, colonnes, cles ? cle : null, lignes, ct);
        }
        else
        {
            await InsererSqliteAsync(transaction, table, colonnes, cles ? cle : null, lignes, ct);
        }
    }

    /// <summary>A column to write: its name, the property it holds, and how EF turns the property's value into the column's.</summary>
    private sealed record Colonne(string Nom, IProperty Propriete, ValueConverter? Conversion, RelationalTypeMapping Correspondance, string TypeStocke)
    {
        private readonly IClrPropertyGetter _lire = Propriete.GetGetter();
        private readonly object? _defaut = Propriete.GetDefaultValue();

        public object Valeur(object entite)
        {
            var v = _lire.GetClrValue(entite);

            // As SaveChanges does: a property left at its sentinel gets the model's default value.
            if (_defaut is not null && Equals(v, Propriete.Sentinel))
            {
                v = _defaut;
            }

            return v is null ? DBNull.Value : Conversion is null ? v : Conversion.ConvertToProvider(v) ?? DBNull.Value;
        }
    }

    private static List<Colonne> Colonnes(IEntityType type, StoreObjectIdentifier table, IProperty? sauf)
    {
        if (type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.GetDiscriminatorPropertyName() is not null)
        {
            // Not needed yet; refusing is better than writing part of a row.
            throw new NotSupportedException($"{type.DisplayName()}: bulk insert of complex, owned or inherited types is not supported; use SaveChanges.");
        }

        var colonnes = new List<Colonne>();
        foreach (var p in type.GetProperties())
        {
            if (p == sauf || p.GetColumnName(table) is not { } nom || p.GetComputedColumnSql() is not null)
            {
                continue;
            }

            if (p.GetDefaultValueSql() is not null)
            {
                throw new NotSupportedException($"{type.DisplayName()}.{p.Name} has a SQL default: bulk insert cannot tell when the database should apply it.");
            }

            var correspondance = p.GetRelationalTypeMapping();
            colonnes.Add(new Colonne(nom, p, correspondance.Converter, correspondance, p.GetColumnType()));
        }

        return colonnes;
    }

    private static string Table(StoreObjectIdentifier t, Func<string, string> quote) => t.Schema is null ? quote(t.Name) : $"{quote(t.Schema)}.{quote(t.Name)}";

    private static async Task CopierAsync<T>(NpgsqlConnection connexion, StoreObjectIdentifier table, List<Colonne> colonnes, IProperty? cle, IEnumerable<T> lignes, CancellationToken ct)
        where T : class
    {
        static string Q(string n) => "\"" + n.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        if (cle is not null)
        {
            // The keys of every new row in one round trip (the sequence hands out numbers nobody else gets, even if we roll back).
            var liste = lignes as IReadOnlyList<T> ?? [.. lignes];
            lignes = liste;
            var sequence = $"pg_get_serial_sequence('{Table(table, Q).Replace("'", "''", StringComparison.Ordinal)}', '{cle.GetColumnName(table)!.Replace("'", "''", StringComparison.Ordinal)}')";
            await using var reserve = new NpgsqlCommand($"SELECT nextval({sequence}) FROM generate_series(1, $1)", connexion);
            reserve.Parameters.Add(new NpgsqlParameter<int> { TypedValue = liste.Count });
            await using var lecteur = await reserve.ExecuteReaderAsync(ct);
            var i = 0;
            while (await lecteur.ReadAsync(ct))
            {
                cle.PropertyInfo!.SetValue(liste[i++], Convert.ChangeType(lecteur.GetInt64(0), cle.ClrType, CultureInfo.InvariantCulture));
            }
        }

        var types = colonnes.Select(c => Facettes().Replace(c.TypeStocke, "")).ToArray();
        await using var copie = await connexion.BeginBinaryImportAsync(
            $"COPY {Table(table, Q)} ({string.Join(", ", colonnes.Select(c => Q(c.Nom)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var ligne in lignes)
        {
            await copie.StartRowAsync(ct);
            for (var i = 0; i < colonnes.Count; i++)
            {
                var v = colonnes[i].Valeur(ligne);
                if (v is DBNull)
                {
                    await copie.WriteNullAsync(ct);
                }
                else
                {
                    await copie.WriteAsync(v, types[i], ct);
                }
            }
        }

        await copie.CompleteAsync(ct);
    }

    private static async Task InsererSqliteAsync<T>(DbTransaction transaction, StoreObjectIdentifier table, List<Colonne> colonnes, IProperty? cle, IEnumerable<T> lignes, CancellationToken ct)
        where T : class
    {
        static string Q(string n) => "\"" + n.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        // Several rows per statement when no key comes back (the order of RETURNING rows is not guaranteed for several).
        var parCommande = cle is null ? Math.Max(1, Math.Min(100, 30_000 / Math.Max(1, colonnes.Count))) : 1;
        var enTete = $"INSERT INTO {Table(table, Q)} ({string.Join(", ", colonnes.Select(c => Q(c.Nom)))}) VALUES ";
        var fin = cle is null ? "" : $" RETURNING {Q(cle.GetColumnName(table)!)}";

        DbCommand Commande(int rangees)
        {
            var c = transaction.Connection!.CreateCommand();
            c.Transaction = transaction;
            var valeurs = new List<string>(rangees);
            for (var r = 0; r < rangees; r++)
            {
                valeurs.Add("(" + string.Join(", ", colonnes.Select((col, i) => $"@p{r}_{i}")) + ")");
                for (var i = 0; i < colonnes.Count; i++)
                {
                    c.Parameters.Add(colonnes[i].Correspondance.CreateParameter(c, $"@p{r}_{i}", null, nullable: true));
                }
            }

            c.CommandText = enTete + string.Join(", ", valeurs) + fin;
            return c;
        }

        // A larger page cache while the indexes of tens of thousands of rows are filled, put back afterwards.
        await using var cache = transaction.Connection!.CreateCommand();
        cache.Transaction = transaction;
        cache.CommandText = "PRAGMA cache_size";
        var cacheAvant = Convert.ToInt64(await cache.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        cache.CommandText = "PRAGMA cache_size = -65536";
        await cache.ExecuteNonQueryAsync(ct);
        try
        {
            await InsererLignesAsync(colonnes, cle, lignes, parCommande, Commande, ct);
        }
        finally
        {
            cache.CommandText = $"PRAGMA cache_size = {cacheAvant.ToString(CultureInfo.InvariantCulture)}";
            await cache.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task InsererLignesAsync<T>(List<Colonne> colonnes, IProperty? cle, IEnumerable<T> lignes, int parCommande,
        Func<int, DbCommand> commande, CancellationToken ct)
        where T : class
    {
        await using var pleine = commande(parCommande);
        var enAttente = new List<T>(parCommande);

        async Task ExecuterAsync(DbCommand commande)
        {
            var n = 0;
            foreach (var ligne in enAttente)
            {
                for (var i = 0; i < colonnes.Count; i++)
                {
                    commande.Parameters[(n * colonnes.Count) + i].Value = colonnes[i].Valeur(ligne);
                }

                n++;
            }

            if (cle is null)
            {
                await commande.ExecuteNonQueryAsync(ct);
            }
            else
            {
                var id = await commande.ExecuteScalarAsync(ct);
                cle.PropertyInfo!.SetValue(enAttente[0], Convert.ChangeType(id, cle.ClrType, CultureInfo.InvariantCulture));
            }

            enAttente.Clear();
        }

        foreach (var ligne in lignes)
        {
            enAttente.Add(ligne);
            if (enAttente.Count == parCommande)
            {
                await ExecuterAsync(pleine);
            }
        }

        if (enAttente.Count > 0)
        {
            await using var reste = commande(enAttente.Count);
            await ExecuterAsync(reste);
        }
    }

    /// <summary>"character varying(100)" → "character varying": COPY names the type, not its length.</summary>
    [GeneratedRegex(@"\(\s*\d+\s*(,\s*\d+\s*)?\)")]
    private static partial Regex Facettes();
}
