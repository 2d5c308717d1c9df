using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Sargable.Deployments.Model;
using Sargable.Deployments.Queries;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>A deployment as GitLab's API shows it; status by name.</summary>
    public sealed record DeploymentJson(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("iid")] int Iid,
        [property: JsonPropertyName("ref")] string Ref,
        [property: JsonPropertyName("sha")] string Sha,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("created_at")] DateTime CreatedAt,
        [property: JsonPropertyName("updated_at")] DateTime UpdatedAt,
        [property: JsonPropertyName("finished_at")] DateTime? FinishedAt,
        [property: JsonPropertyName("environment")] EnvironmentJson Environment)
    {
        public static DeploymentJson From(DeploymentListItem d) =>
            new(d.Id, d.Iid, d.Ref, d.Sha, DeploymentStatuses.Name(d.Status), d.CreatedAt, d.UpdatedAt, d.FinishedAt, new EnvironmentJson(d.EnvironmentId, d.EnvironmentName));
    }

    public sealed record EnvironmentJson([property: JsonPropertyName("id")] long Id, [property: JsonPropertyName("name")] string Name);

    /// <summary>Sentry's shape: the project id as a string, deploys by environment name (null when there are none).</summary>
    public sealed record LatestDeploysJson(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("latestDeploys")] Dictionary<string, LatestDeployJson>? LatestDeploys);

    public sealed record LatestDeployJson([property: JsonPropertyName("version")] string Version, [property: JsonPropertyName("dateFinished")] DateTime DateFinished);

    public sealed record GroupJson(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("parent_id")] long? ParentId,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("path")] string Path);

    public sealed record EnvironmentStatusJson(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("last_deployment")] LastDeploymentJson LastDeployment);

    public sealed record LastDeploymentJson(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("iid")] int Iid,
        [property: JsonPropertyName("ref")] string Ref,
        [property: JsonPropertyName("sha")] string Sha,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("created_at")] DateTime CreatedAt,
        [property: JsonPropertyName("finished_at")] DateTime? FinishedAt);

    /// <summary>POST body: the environment (by name, created in the project when new), sha, ref and status.</summary>
    public sealed record CreateDeploymentJson(
        [property: JsonPropertyName("environment")] string? Environment,
        [property: JsonPropertyName("sha")] string? Sha,
        [property: JsonPropertyName("ref")] string? Ref,
        [property: JsonPropertyName("status")] string? Status);

    /// <summary>PUT body: the new status.</summary>
    public sealed record UpdateDeploymentJson([property: JsonPropertyName("status")] string? Status);

    public sealed record MessageJson([property: JsonPropertyName("message")] string Message);
}
