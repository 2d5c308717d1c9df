using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers
{
    /// <summary>
    /// The one place descriptors are made: ID, title, default severity and help link come from the core's
    /// <see cref="RuleCatalog"/>, so the analyzers, the runtime guard and the CLI can never disagree about a rule.
    /// </summary>
    internal static class Descriptors
    {
        public static readonly DiagnosticDescriptor UnboundedRead = new(RuleIds.UnboundedRead, Title(RuleIds.UnboundedRead), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.UnboundedRead), isEnabledByDefault: true, Description(RuleIds.UnboundedRead), HelpLink(RuleIds.UnboundedRead));
        public static readonly DiagnosticDescriptor ScopelessLookup = new(RuleIds.ScopelessLookup, Title(RuleIds.ScopelessLookup), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.ScopelessLookup), isEnabledByDefault: true, Description(RuleIds.ScopelessLookup), HelpLink(RuleIds.ScopelessLookup));
        public static readonly DiagnosticDescriptor FilterOrderMismatch = new(RuleIds.FilterOrderMismatch, Title(RuleIds.FilterOrderMismatch), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.FilterOrderMismatch), isEnabledByDefault: true, Description(RuleIds.FilterOrderMismatch), HelpLink(RuleIds.FilterOrderMismatch));
        public static readonly DiagnosticDescriptor QueryInLoop = new(RuleIds.QueryInLoop, Title(RuleIds.QueryInLoop), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.QueryInLoop), isEnabledByDefault: true, Description(RuleIds.QueryInLoop), HelpLink(RuleIds.QueryInLoop));
        public static readonly DiagnosticDescriptor RowByRowWrite = new(RuleIds.RowByRowWrite, Title(RuleIds.RowByRowWrite), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.RowByRowWrite), isEnabledByDefault: true, Description(RuleIds.RowByRowWrite), HelpLink(RuleIds.RowByRowWrite));
        public static readonly DiagnosticDescriptor NoIndexForFilter = new(RuleIds.NoIndexForFilter, Title(RuleIds.NoIndexForFilter), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.NoIndexForFilter), isEnabledByDefault: true, Description(RuleIds.NoIndexForFilter), HelpLink(RuleIds.NoIndexForFilter));
        public static readonly DiagnosticDescriptor NoUniqueTieBreaker = new(RuleIds.NoUniqueTieBreaker, Title(RuleIds.NoUniqueTieBreaker), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.NoUniqueTieBreaker), isEnabledByDefault: true, Description(RuleIds.NoUniqueTieBreaker), HelpLink(RuleIds.NoUniqueTieBreaker));
        public static readonly DiagnosticDescriptor LargeOffset = new(RuleIds.LargeOffset, Title(RuleIds.LargeOffset), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.LargeOffset), isEnabledByDefault: true, Description(RuleIds.LargeOffset), HelpLink(RuleIds.LargeOffset));
        public static readonly DiagnosticDescriptor ClientSideEvaluation = new(RuleIds.ClientSideEvaluation, Title(RuleIds.ClientSideEvaluation), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.ClientSideEvaluation), isEnabledByDefault: true, Description(RuleIds.ClientSideEvaluation), HelpLink(RuleIds.ClientSideEvaluation));
        public static readonly DiagnosticDescriptor WholeTableAggregate = new(RuleIds.WholeTableAggregate, Title(RuleIds.WholeTableAggregate), MessageFormat, AnalyzerAssembly.Category, DefaultSeverity(RuleIds.WholeTableAggregate), isEnabledByDefault: true, Description(RuleIds.WholeTableAggregate), HelpLink(RuleIds.WholeTableAggregate));

        /// <summary>
        /// Not a rule: the <c>sargable.json</c> registry passed as an AdditionalFile cannot be read. Reported on the
        /// file, so a typo never silently weakens the checks.
        /// </summary>
        public static readonly DiagnosticDescriptor InvalidRegistry = new(
            RuleIdFormat.ToolPrefix + "001",
            "Sargable registry file cannot be read",
            "{0}",
            "Configuration",
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            "The index registry given as an AdditionalFile named sargable.json must follow docs/registry.md; until it does, the analyzers use only the EF model.",
            "https://github.com/sargable/sargable/blob/main/docs/registry.md");

        /// <summary>
        /// Not a rule: the <c>sargable.baseline.json</c> passed as an AdditionalFile cannot be read, so nothing is
        /// baselined and every finding is reported.
        /// </summary>
        public static readonly DiagnosticDescriptor InvalidBaseline = new(
            RuleIdFormat.ToolPrefix + "002",
            "Sargable baseline file cannot be read",
            "{0}",
            "Configuration",
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            "The baseline given as an AdditionalFile named sargable.baseline.json must follow docs/baseline.md; until it does, every finding is reported.",
            "https://github.com/sargable/sargable/blob/main/docs/baseline.md");

        /// <summary>The descriptors of the shape rules, keyed by rule ID, for mapping engine findings.</summary>
        public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ShapeRules = ImmutableDictionary.CreateRange(
            System.StringComparer.OrdinalIgnoreCase,
            new[]
            {
                Pair(UnboundedRead), Pair(ScopelessLookup), Pair(FilterOrderMismatch), Pair(NoIndexForFilter), Pair(NoUniqueTieBreaker), Pair(LargeOffset), Pair(WholeTableAggregate),
            });

        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
            UnboundedRead, ScopelessLookup, FilterOrderMismatch, QueryInLoop, RowByRowWrite, NoIndexForFilter, NoUniqueTieBreaker, LargeOffset, ClientSideEvaluation, WholeTableAggregate);

        private static System.Collections.Generic.KeyValuePair<string, DiagnosticDescriptor> Pair(DiagnosticDescriptor d) => new(d.Id, d);

        // Every message is a full sentence built by the rule (the engine's message for shape rules).
        private const string MessageFormat = "{0}";

        // The descriptor parts all come from the core's catalog. The ID and category stay literal constants at each
        // construction so the release-tracking analyzer (AnalyzerReleases.*.md) can read them.
        private static string Title(string ruleId) => RuleCatalog.Get(ruleId).Title;

        private static string Description(string ruleId) => RuleCatalog.Get(ruleId).Summary;

        private static string HelpLink(string ruleId) => RuleCatalog.HelpLink(ruleId);

        private static DiagnosticSeverity DefaultSeverity(string ruleId) => RuleCatalog.Get(ruleId).DefaultSeverity switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Info => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Warning,
        };
    }
}
