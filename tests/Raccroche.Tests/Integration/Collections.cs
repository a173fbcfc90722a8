using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Raccroche.Tests.Integration.CadreDeTests", "Raccroche.Tests")]

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

/// <summary>
/// xUnit 2's own framework, with one step added: before each test class of a collection, the collection's
/// database is put back to its seeded state (<see cref="AppFactory.RemettreAZeroAsync"/>). xUnit 2 has no
/// per-class hook that sees the collection fixture (v3's assembly-level before/after does not either), and
/// doing it here covers every class of the collections, including one written tomorrow, with nothing to
/// remember in the class itself. Classes of one collection run one after the other, so the reset never
/// runs under another class's tests.
/// </summary>
public sealed class CadreDeTests(IMessageSink diagnostics) : XunitTestFramework(diagnostics)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executeur(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executeur(AssemblyName assemblyName, ISourceInformationProvider sources, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sources, diagnostics)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new ExecuteurAssemblage(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class ExecuteurAssemblage(ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
    {
        protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
            new ExecuteurCollection(testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();
    }

    private sealed class ExecuteurCollection(ITestCollection collection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageBus bus, ITestCaseOrderer orderer, ExceptionAggregator aggregator, CancellationTokenSource cts)
        : XunitTestCollectionRunner(collection, testCases, diagnostics, bus, orderer, aggregator, cts)
    {
        protected override async Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases)
        {
            // A fixture that failed to start already fails the class; a failed reset fails it (and the next ones) too.
            if (!Aggregator.HasExceptions)
            {
                foreach (var factory in CollectionFixtureMappings.Values.OfType<AppFactory>())
                {
                    await Aggregator.RunAsync(factory.RemettreAZeroAsync);
                }
            }

            return await base.RunTestClassAsync(testClass, @class, testCases);
        }
    }
}
