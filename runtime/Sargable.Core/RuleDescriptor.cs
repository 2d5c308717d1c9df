using System;

namespace Sargable
{
    /// <summary>Where a rule can be detected.</summary>
    [Flags]
    public enum RuleSurface
    {
        /// <summary>Nowhere (no flag set).</summary>
        None = 0,

        /// <summary>From a query shape (SQL text, LINQ, plans): the engine's rules.</summary>
        Shape = 1,

        /// <summary>From C# code flow (loops, materialization): analyzers only.</summary>
        Code = 2,

        /// <summary>From executions observed at run time (N+1 counts).</summary>
        Runtime = 4,
    }

    /// <summary>Metadata of one rule: the single source for analyzer descriptors, SARIF rule entries and docs links.</summary>
    public sealed class RuleDescriptor
    {
        /// <summary>A rule's metadata.</summary>
        public RuleDescriptor(string id, string title, Severity defaultSeverity, RuleSurface surface, string summary)
        {
            Id = id;
            Title = title;
            DefaultSeverity = defaultSeverity;
            Surface = surface;
            Summary = summary;
        }

        /// <summary>The rule ID (<c>SARG0001</c>...).</summary>
        public string Id { get; }

        /// <summary>Short title, sentence case, no trailing period.</summary>
        public string Title { get; }

        /// <summary>Severity unless options change it.</summary>
        public Severity DefaultSeverity { get; }

        /// <summary>Where the rule can be detected.</summary>
        public RuleSurface Surface { get; }

        /// <summary>One sentence on what the rule catches and what to do instead.</summary>
        public string Summary { get; }

        /// <summary>The rule's documentation page.</summary>
        public string HelpLink => RuleCatalog.HelpLink(Id);
    }
}
