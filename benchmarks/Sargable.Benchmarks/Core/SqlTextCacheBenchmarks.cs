using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Sargable.Caching;
using Sargable.Registry;

namespace Sargable.Benchmarks.Core
{
    /// <summary>
    /// The hot path of the runtime guard: finding the verdict of a statement already seen, by its text. The baseline is a
    /// plain ordinal Dictionary lookup. The key is an equal string of another instance, as a driver hands the guard.
    /// Target: under 200 ns.
    /// </summary>
    [MemoryDiagnoser]
    public class SqlTextCacheBenchmarks
    {
        private readonly Dictionary<string, StatementVerdict> dictionary = new(StringComparer.Ordinal);
        private readonly SqlTextCache<StatementVerdict> cache = new();
        private string lookup = string.Empty;

        [GlobalSetup]
        public void Setup()
        {
            var engine = new SargableEngine(DdlRegistryLoader.Load(TypicalQueries.Schema));
            var verdict = engine.CheckStatement(TypicalQueries.PagedListing);
            dictionary[TypicalQueries.PagedListing] = verdict;
            cache.GetOrAdd(TypicalQueries.PagedListing, _ => verdict);
            for (var i = 0; i < 5000; i++)
            {
                var other = TypicalQueries.PagedListing + " -- " + i;
                dictionary[other] = verdict;
                cache.GetOrAdd(other, _ => verdict);
            }

            lookup = new string(TypicalQueries.PagedListing.ToCharArray());
        }

        [Benchmark(Baseline = true, Description = "Dictionary<string> lookup")]
        public StatementVerdict? Dictionary() => dictionary.TryGetValue(lookup, out var verdict) ? verdict : null;

        [Benchmark(Description = "SqlTextCache lookup")]
        public StatementVerdict? Cache() => cache.TryGet(lookup, out var verdict) ? verdict : null;
    }
}
