using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sargable.Analyzers.Baseline;
using Sargable.Analyzers.Model;
using Sargable.Analyzers.Summaries;
using Sargable.Registry;

namespace Sargable.Analyzers
{
    /// <summary>
    /// Per-compilation state shared by the analyzer's callbacks: EF symbols, the EF model (read lazily, once, on the
    /// first query that needs it) and one engine per distinct option set.
    /// </summary>
    internal sealed class CompilationState
    {
        private readonly object gate = new();
        private readonly ConcurrentDictionary<string, SargableEngine> engines = new();
        private EfModel? model;
        private EfRelevance? relevance;
        private QuerySummaries? summaries;
        private System.Collections.Generic.Dictionary<string, EntityModel>? dbSets;
        private Lazy<(IndexRegistry? Registry, RegistryFormatException? Error)>? registryFile;

        public CompilationState(EfSymbols symbols, ImmutableArray<AdditionalText> additionalFiles = default)
        {
            Symbols = symbols;
            RegistryFile = additionalFiles.IsDefault ? null : additionalFiles.FirstOrDefault(f => IsRegistryFile(f.Path));
            var baselineFile = additionalFiles.IsDefault ? null : additionalFiles.FirstOrDefault(f => CodeBaseline.IsBaselineFile(f.Path));
            Baseline = baselineFile is null ? null : new CodeBaseline(baselineFile);
        }

        private static readonly ConditionalWeakTable<Compilation, CompilationState> States = new();

        /// <summary>
        /// The one state of a compilation, shared by all Sargable analyzers so the EF model and the relevance names
        /// are computed once per compilation, not once per analyzer. Null when EF Core is not referenced.
        /// </summary>
        public static CompilationState? For(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles)
        {
            if (States.TryGetValue(compilation, out var existing))
            {
                return existing;
            }

            var symbols = EfSymbols.TryCreate(compilation);
            return symbols is null ? null : States.GetValue(compilation, _ => new CompilationState(symbols, additionalFiles));
        }

        /// <summary>The file name an index registry must have to be read from the AdditionalFiles.</summary>
        public const string RegistryFileName = RuleIdFormat.RegistryFileName;

        public EfSymbols Symbols { get; }

        /// <summary>The <c>sargable.baseline.json</c> AdditionalFile, if the project passes one: its findings are not reported.</summary>
        public CodeBaseline? Baseline { get; }

        /// <summary>The <c>sargable.json</c> AdditionalFile, if the project passes one.</summary>
        public AdditionalText? RegistryFile { get; }

        public static bool IsRegistryFile(string path) => string.Equals(Path.GetFileName(path), RegistryFileName, StringComparison.OrdinalIgnoreCase);

        /// <summary>The registry read from <c>sargable.json</c>, or the reason it could not be read (null, null when there is none).</summary>
        public (IndexRegistry? Registry, RegistryFormatException? Error) ReadRegistryFile(CancellationToken cancellationToken)
        {
            if (RegistryFile is null)
            {
                return (null, null);
            }

            var file = RegistryFile;
            var lazy = LazyInitializer.EnsureInitialized(ref registryFile, () => new Lazy<(IndexRegistry?, RegistryFormatException?)>(() =>
            {
                var text = file.GetText(CancellationToken.None)?.ToString() ?? string.Empty;
                try
                {
                    return (RegistryJson.Parse(text, file.Path), null);
                }
                catch (RegistryFormatException error)
                {
                    return (null, error);
                }
            }));
            cancellationToken.ThrowIfCancellationRequested();
            return lazy!.Value;
        }

        /// <summary>The names that make a member worth binding (see <see cref="CandidateWalker"/>), computed once.</summary>
        public EfRelevance GetRelevance(CancellationToken cancellationToken)
        {
            var existing = Volatile.Read(ref relevance);
            if (existing is not null)
            {
                return existing;
            }

            var created = EfRelevance.Create(Symbols, cancellationToken);
            var names = QueryMethodNames.Find(Symbols.Compilation, created, cancellationToken);
            Interlocked.CompareExchange(ref summaries, new QuerySummaries(Symbols, names, new SyntaxQuerySites(this)), null);
            // Update calls matter to SARG0005 (Remove is among the EF names every member is checked for).
            created = created.With(names.Concat(RowByRowWriteRule.RelevantNames), SargableAnalyzer.CandidateNames(names));
            return Interlocked.CompareExchange(ref relevance, created, null) ?? created;
        }

        /// <summary>Which source methods execute a query (for N+1 through repositories), shared by every tree.</summary>
        public QuerySummaries GetSummaries(CancellationToken cancellationToken)
        {
            GetRelevance(cancellationToken);
            return Volatile.Read(ref summaries)!;
        }

        /// <summary>DbSet member names with their entity model, for the syntax-only reader (ambiguous names left out).</summary>
        public System.Collections.Generic.IReadOnlyDictionary<string, EntityModel> GetDbSets(CancellationToken cancellationToken)
        {
            var existing = Volatile.Read(ref dbSets);
            if (existing is not null)
            {
                return existing;
            }

            var model = GetModel(cancellationToken);
            var map = new System.Collections.Generic.Dictionary<string, EntityModel>(StringComparer.Ordinal);
            foreach (var pair in GetRelevance(cancellationToken).DbSets)
            {
                if (pair.Value is { } entity)
                {
                    map[pair.Key] = model.Get(entity);
                }
            }

            return Interlocked.CompareExchange(ref dbSets, map, null) ?? map;
        }

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

        public SargableEngine GetEngine(EditorConfigOptions options, CancellationToken cancellationToken)
        {
            if (engines.TryGetValue(options.Key, out var engine))
            {
                return engine;
            }

            var registry = RegistryBuilder.Build(GetModel(cancellationToken), options, ReadRegistryFile(cancellationToken).Registry);
            return engines.GetOrAdd(options.Key, _ => new SargableEngine(registry, new RuleOptions { OffsetThreshold = options.OffsetThreshold }));
        }
    }
}
