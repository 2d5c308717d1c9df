using System;
using System.Collections.Generic;

namespace Sargable.Core.Tests.EfCorpus
{
    // The deployments domain of a CI/CD product, shaped like the tables real slow-query fixes were made on.
    // Timestamps are DateTime with Kind=Utc: Npgsql maps them to timestamptz, and unlike DateTimeOffset
    // the SQLite provider can compare and order them, so one model serves both providers.

    /// <summary>A group or subgroup; <see cref="Path"/> is the full slash-separated path ("gitlab-org/frontend").</summary>
    public sealed class Namespace
    {
        public long Id { get; set; }

        public long? ParentId { get; set; }

        public Namespace? Parent { get; set; }

        public List<Namespace> Children { get; } = [];

        public required string Name { get; set; }

        public required string Path { get; set; }

        public List<Project> Projects { get; } = [];
    }

    public sealed class Project
    {
        public long Id { get; set; }

        public long NamespaceId { get; set; }

        public Namespace Namespace { get; set; } = null!;

        public required string Name { get; set; }

        public List<ProjectEnvironment> Environments { get; } = [];

        public List<Deployment> Deployments { get; } = [];

        public List<Release> Releases { get; } = [];
    }

    /// <summary>A deployment target of one project ("production", "staging"); the name is unique only within the project.</summary>
    public sealed class ProjectEnvironment
    {
        public long Id { get; set; }

        public long ProjectId { get; set; }

        public Project Project { get; set; } = null!;

        public required string Name { get; set; }

        public List<Deployment> Deployments { get; } = [];
    }

    public enum DeploymentStatus : short
    {
        Created = 0,
        Running = 1,
        Success = 2,
        Failed = 3,
        Canceled = 4,
        Skipped = 5,
        Blocked = 6,
    }

    public enum DeploymentAction : short
    {
        Start = 1,
        Stop = 2,
    }

    /// <summary>One deployment; <see cref="Iid"/> is the per-project number users see (unique with the project).</summary>
    public sealed class Deployment
    {
        public long Id { get; set; }

        public int Iid { get; set; }

        public long ProjectId { get; set; }

        public Project Project { get; set; } = null!;

        public long EnvironmentId { get; set; }

        public ProjectEnvironment Environment { get; set; } = null!;

        public required string Ref { get; set; }

        public required byte[] Sha { get; set; }

        public DeploymentStatus Status { get; set; }

        public DeploymentAction Action { get; set; } = DeploymentAction.Start;

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }

        public DateTime? FinishedAt { get; set; }
    }

    public sealed class Release
    {
        public long Id { get; set; }

        public long ProjectId { get; set; }

        public Project Project { get; set; } = null!;

        public required string Version { get; set; }

        public List<ReleaseProjectEnvironment> ProjectEnvironments { get; } = [];
    }

    /// <summary>Which deployment last shipped a release to an environment.</summary>
    public sealed class ReleaseProjectEnvironment
    {
        public long Id { get; set; }

        public long ReleaseId { get; set; }

        public Release Release { get; set; } = null!;

        public long ProjectId { get; set; }

        public Project Project { get; set; } = null!;

        public long EnvironmentId { get; set; }

        public ProjectEnvironment Environment { get; set; } = null!;

        public long? LastDeploymentId { get; set; }

        public Deployment? LastDeployment { get; set; }
    }

    /// <summary>A read model the catalog projects into, as an API layer would.</summary>
    public sealed record DeploymentSummary(long Id, int Iid, DeploymentStatus Status, string EnvironmentName, DateTime? FinishedAt);
}
