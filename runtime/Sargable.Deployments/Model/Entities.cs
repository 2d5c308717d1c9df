using System;
using System.Collections.Generic;

namespace Sargable.Deployments.Model
{
    // The deployments domain of a CI/CD product, as GitLab and Sentry store it. Timestamps are DateTime with Kind=Utc:
    // Npgsql maps them to timestamptz, and the SQLite provider (the sample's embedded default) can compare and order
    // them, which it cannot do for DateTimeOffset.

    /// <summary>A group or subgroup (<c>namespaces</c>); <see cref="ParentId"/> is null for a top-level group.</summary>
    public sealed class Namespace
    {
        public long Id { get; set; }

        public long? ParentId { get; set; }

        public required string Name { get; set; }

        /// <summary>The URL segment of this group ("frontend" in gitlab-org/frontend).</summary>
        public required string Path { get; set; }
    }

    /// <summary>A project (<c>projects</c>) in a group.</summary>
    public sealed class Project
    {
        public long Id { get; set; }

        public long NamespaceId { get; set; }

        public required string Name { get; set; }
    }

    /// <summary>A deployment target of one project (<c>environments</c>); the name is unique only within the project.</summary>
    public sealed class ProjectEnvironment
    {
        public long Id { get; set; }

        public long ProjectId { get; set; }

        public required string Name { get; set; }
    }

    /// <summary>A deployment's state, stored as smallint with GitLab's values.</summary>
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

    /// <summary>What a deployment does to its environment, stored as smallint.</summary>
    public enum DeploymentAction : short
    {
        Start = 1,
        Stop = 2,
    }

    /// <summary>
    /// One deployment (<c>deployments</c>). <see cref="Iid"/> is the number users see, unique within the project.
    /// <see cref="Sha"/> is the 40-character lower-case hex commit id; the database stores its 20 bytes (<c>bytea</c>).
    /// </summary>
    public sealed class Deployment
    {
        public long Id { get; set; }

        public int Iid { get; set; }

        public long ProjectId { get; set; }

        public long EnvironmentId { get; set; }

        public ProjectEnvironment? Environment { get; set; }

        public required string Ref { get; set; }

        public required string Sha { get; set; }

        public DeploymentStatus Status { get; set; }

        public DeploymentAction Action { get; set; } = DeploymentAction.Start;

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }

        /// <summary>When the deployment reached a finished status (success, failed, canceled); null before.</summary>
        public DateTime? FinishedAt { get; set; }
    }

    /// <summary>A release of a project (<c>releases</c>).</summary>
    public sealed class Release
    {
        public long Id { get; set; }

        public long ProjectId { get; set; }

        public required string Version { get; set; }
    }

    /// <summary>
    /// A release shipped to an environment (<c>release_project_environments</c>, Sentry's table): one row per release
    /// and environment, pointing at the deployment that last shipped it.
    /// </summary>
    public sealed class ReleaseProjectEnvironment
    {
        public long Id { get; set; }

        public long ReleaseId { get; set; }

        public Release? Release { get; set; }

        public long ProjectId { get; set; }

        public long EnvironmentId { get; set; }

        public long? LastDeploymentId { get; set; }

        public Deployment? LastDeployment { get; set; }
    }
}
