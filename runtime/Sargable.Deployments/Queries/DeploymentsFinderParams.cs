using System;
using System.Collections.Generic;

namespace Sargable.Deployments.Queries
{
    /// <summary>
    /// What <see cref="DeploymentsFinder"/> is asked for, with GitLab's names: a scope (a project, or a group with all its
    /// subgroups), filters and an order. Strings are taken as the API receives them; the finder validates them.
    /// </summary>
    public sealed record DeploymentsFinderParams
    {
        /// <summary>Deployments of this project. Exactly one of <see cref="ProjectId"/> and <see cref="GroupId"/>.</summary>
        public long? ProjectId { get; init; }

        /// <summary>Deployments of every project of this group and of its subgroups at any depth.</summary>
        public long? GroupId { get; init; }

        /// <summary>An environment name; unique only within a project, so it needs the project scope.</summary>
        public string? EnvironmentName { get; init; }

        /// <summary>An environment id (allowed in either scope).</summary>
        public long? EnvironmentId { get; init; }

        /// <summary>Status names ("success", "failed", ...); null or empty for any status.</summary>
        public IReadOnlyList<string>? Status { get; init; }

        /// <summary>updated_at &gt;= this.</summary>
        public DateTime? UpdatedAfter { get; init; }

        /// <summary>updated_at &lt;= this.</summary>
        public DateTime? UpdatedBefore { get; init; }

        /// <summary>finished_at &gt;= this.</summary>
        public DateTime? FinishedAfter { get; init; }

        /// <summary>finished_at &lt; this.</summary>
        public DateTime? FinishedBefore { get; init; }

        /// <summary>id, iid, created_at, updated_at or finished_at; anything else is id (the default).</summary>
        public string? OrderBy { get; init; }

        /// <summary>asc or desc; anything else is asc (the default).</summary>
        public string? Sort { get; init; }
    }

    /// <summary>The column a finder's result is ordered by; every order ends with id as a unique tie-breaker.</summary>
    public enum DeploymentOrder
    {
        /// <summary>id (also what iid and created_at are served as: both grow with id, and id has the indexes).</summary>
        Id,

        /// <summary>updated_at, then id.</summary>
        UpdatedAt,

        /// <summary>finished_at, then id.</summary>
        FinishedAt,
    }
}
