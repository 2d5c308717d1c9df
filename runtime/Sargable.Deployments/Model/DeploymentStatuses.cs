using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sargable.Deployments.Model
{
    /// <summary>The API names of <see cref="DeploymentStatus"/> and GitLab's two families of statuses.</summary>
    public static class DeploymentStatuses
    {
        /// <summary>Statuses of a deployment that has ended (it has a finished_at).</summary>
        public static readonly IReadOnlyList<DeploymentStatus> Finished = [DeploymentStatus.Success, DeploymentStatus.Failed, DeploymentStatus.Canceled];

        /// <summary>Statuses of a deployment that has not ended yet.</summary>
        public static readonly IReadOnlyList<DeploymentStatus> Upcoming = [DeploymentStatus.Created, DeploymentStatus.Blocked, DeploymentStatus.Running];

        private static readonly Dictionary<string, DeploymentStatus> ByName = new(StringComparer.Ordinal)
        {
            ["created"] = DeploymentStatus.Created,
            ["running"] = DeploymentStatus.Running,
            ["success"] = DeploymentStatus.Success,
            ["failed"] = DeploymentStatus.Failed,
            ["canceled"] = DeploymentStatus.Canceled,
            ["skipped"] = DeploymentStatus.Skipped,
            ["blocked"] = DeploymentStatus.Blocked,
        };

        /// <summary>The API name: "success", "failed", ...</summary>
        public static string Name(DeploymentStatus status) => status switch
        {
            DeploymentStatus.Created => "created",
            DeploymentStatus.Running => "running",
            DeploymentStatus.Success => "success",
            DeploymentStatus.Failed => "failed",
            DeploymentStatus.Canceled => "canceled",
            DeploymentStatus.Skipped => "skipped",
            DeploymentStatus.Blocked => "blocked",
            _ => ((short)status).ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>Reads an API name (exact, lower case as the API spells it).</summary>
        /// <exception cref="ArgumentException">Message exactly <c>The deployment status kittens is invalid</c> (no parameter suffix, so it can be shown as is).</exception>
        public static DeploymentStatus Parse(string name) =>
            TryParse(name, out var status)
                ? status
                : throw new ArgumentException($"The deployment status {name} is invalid");

        public static bool TryParse(string? name, out DeploymentStatus status)
        {
            status = default;
            return name is not null && ByName.TryGetValue(name, out status);
        }

        /// <summary>True for success, failed and canceled.</summary>
        public static bool IsFinished(DeploymentStatus status) => status is DeploymentStatus.Success or DeploymentStatus.Failed or DeploymentStatus.Canceled;

        /// <summary>True for created, blocked and running.</summary>
        public static bool IsUpcoming(DeploymentStatus status) => status is DeploymentStatus.Created or DeploymentStatus.Blocked or DeploymentStatus.Running;
    }
}
