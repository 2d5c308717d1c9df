using System.Collections.Generic;

namespace Sargable.Cli.Analyze
{
    /// <summary>What one <c>analyze</c> run was asked to do, after the command line was checked.</summary>
    internal sealed class AnalyzeSettings
    {
        /// <summary>The <c>--registry</c> file (absolute, already validated), or null for each project's own <c>sargable.json</c>.</summary>
        public string? RegistryPath { get; init; }

        /// <summary>The <c>--project</c> names; empty for every project.</summary>
        public IReadOnlyList<string> ProjectNames { get; init; } = [];

        /// <summary>False with <c>--no-restore</c>.</summary>
        public bool Restore { get; init; } = true;
    }
}
