namespace Raccroche.Tests.Integration;

// xUnit finds collection definitions only in the test assembly: the factories live in Raccroche.Tests.Outils.

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppFactory>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresAppFactory>
{
    public const string Name = "postgres";
}
