using System;
using System.Collections.Generic;

namespace Sargable.Samples.AntiPatterns.Model
{
    /// <summary>A project of a CI/CD product; few per customer, but many across customers.</summary>
    public sealed class Project
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public List<ProjectEnvironment> Environments { get; } = new();

        public List<Deployment> Deployments { get; } = new();
    }

    /// <summary>A deployment target ("production", "staging"); the name is unique only within its project.</summary>
    public sealed class ProjectEnvironment
    {
        public long Id { get; set; }

        public long ProjectId { get; set; }

        public Project Project { get; set; } = null!;

        public string Name { get; set; } = string.Empty;

        public List<Deployment> Deployments { get; } = new();
    }

    public enum DeploymentStatus : short
    {
        Created = 0,
        Running = 1,
        Success = 2,
        Failed = 3,
        Canceled = 4,
        Skipped = 5,
    }

    /// <summary>One deployment; <see cref="Iid"/> is the per-project number users see.</summary>
    public sealed class Deployment
    {
        public long Id { get; set; }

        public int Iid { get; set; }

        public long ProjectId { get; set; }

        public Project Project { get; set; } = null!;

        public long EnvironmentId { get; set; }

        public ProjectEnvironment Environment { get; set; } = null!;

        public string Ref { get; set; } = string.Empty;

        public DeploymentStatus Status { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }

        public DateTime? FinishedAt { get; set; }
    }
}
