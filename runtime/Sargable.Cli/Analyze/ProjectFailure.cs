using System;

namespace Sargable.Cli.Analyze
{
    /// <summary>A project that could not be analyzed: which, why, and what to do about it.</summary>
    internal sealed class ProjectFailure
    {
        public ProjectFailure(string project, string reason, string remedy)
        {
            Project = project ?? throw new ArgumentNullException(nameof(project));
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
            Remedy = remedy ?? throw new ArgumentNullException(nameof(remedy));
        }

        /// <summary>The project file's path (or name when there is no file).</summary>
        public string Project { get; }

        /// <summary>One sentence: why it failed.</summary>
        public string Reason { get; }

        /// <summary>One sentence: what to do.</summary>
        public string Remedy { get; }

        public override string ToString() => $"{Project}: {Reason} {Remedy}";
    }
}
