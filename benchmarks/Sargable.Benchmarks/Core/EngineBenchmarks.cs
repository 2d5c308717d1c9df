using BenchmarkDotNet.Attributes;
using Sargable.Registry;
using Sargable.Sql;

namespace Sargable.Benchmarks.Core
{
    /// <summary>
    /// What one distinct statement costs the first time the guard sees it: parse (baseline), then parse + shape + rules.
    /// Target: the full check under 20 µs.
    /// </summary>
    [MemoryDiagnoser]
    public class EngineBenchmarks
    {
        private readonly SargableEngine engine = new(DdlRegistryLoader.Load(TypicalQueries.Schema));

        [Benchmark(Baseline = true, Description = "parse")]
        public SqlStatement Parse() => SqlParser.ParseStatement(TypicalQueries.PagedListing);

        [Benchmark(Description = "parse + shape + rules")]
        public StatementVerdict Check() => engine.CheckStatement(TypicalQueries.PagedListing);
    }
}
