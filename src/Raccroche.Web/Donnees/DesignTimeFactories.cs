using Microsoft.EntityFrameworkCore.Design;

namespace Raccroche.Web.Donnees;

// Used only by `dotnet ef migrations add`: each provider's context is built without the web host,
// so each provider keeps its own migrations set (Donnees/Migrations/Sqlite, Donnees/Migrations/Postgres).
internal sealed class FabriqueSqliteDesignTime : IDesignTimeDbContextFactory<SqliteRaccrocheDbContext>
{
    public SqliteRaccrocheDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRaccrocheDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class FabriquePostgresDesignTime : IDesignTimeDbContextFactory<PostgresRaccrocheDbContext>
{
    public PostgresRaccrocheDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRaccrocheDbContext>()
            .UseNpgsql("Host=localhost;Database=raccroche_design", n => n.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);
}
