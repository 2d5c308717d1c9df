using System.Collections.Concurrent;
using System.Threading;
using QueryGuard.Analyzers.Model;

namespace QueryGuard.Analyzers
{
    /// <summary>
    /// Per-compilation state shared by the analyzer's callbacks: EF symbols, the EF model (read lazily, once, on the
    /// first query that needs it) and one engine per distinct option set.
    /// </summary>
    internal sealed class CompilationState
    {
        private readonly object gate = new();
        private readonly ConcurrentDictionary<string, QueryGuardEngine> engines = new();
        private EfModel? model;

        public CompilationState(EfSymbols symbols)
        {
            Symbols = symbols;
        }

        public EfSymbols Symbols { get; }

        public EfModel GetModel(CancellationToken cancellationToken)
        {
            var existing = Volatile.Read(ref model);
            if (existing is not null)
            {
                return existing;
            }

            lock (gate)
            {
                // A cancelled read leaves nothing behind, so the next caller reads the model again.
                model ??= EfModelReader.Read(Symbols, cancellationToken);
                return model;
            }
        }

        public QueryGuardEngine GetEngine(QueryGuardOptions options, CancellationToken cancellationToken)
        {
            if (engines.TryGetValue(options.Key, out var engine))
            {
                return engine;
            }

            var registry = RegistryBuilder.Build(GetModel(cancellationToken), options);
            return engines.GetOrAdd(options.Key, _ => new QueryGuardEngine(registry, new RuleOptions { OffsetThreshold = options.OffsetThreshold }));
        }
    }
}
