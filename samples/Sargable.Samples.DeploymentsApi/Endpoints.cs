using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments;
using Sargable.Deployments.Model;
using Sargable.Deployments.Queries;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>The API's routes. Each request is a fixed, small number of statements, whatever the page size.</summary>
    internal static class Endpoints
    {
        /// <summary>Projects one latest_deploys request may name.</summary>
        public const int MaxLatestDeploysProjects = 100;

        private static readonly string[] CreatableStatuses = ["created", "running", "success", "failed", "canceled", "blocked"];

        public static void Map(IEndpointRouteBuilder app)
        {
            app.MapGet("/health", async (DeploymentsDbContext db, CancellationToken cancellationToken) =>
                Results.Json(new { status = await db.Database.CanConnectAsync(cancellationToken) ? "ok" : "unavailable", database = db.IsPostgres ? "postgresql" : "sqlite" }));

            app.MapGet("/api/v4/projects/latest_deploys", LatestDeploysAsync);
            app.MapGet("/api/v4/projects/{id}/deployments", ProjectDeploymentsAsync);
            app.MapGet("/api/v4/groups/{id}/deployments", GroupDeploymentsAsync);
            app.MapGet("/api/v4/projects/{id}/deployments/{deployment_id}", DeploymentAsync);
            app.MapPost("/api/v4/projects/{id}/deployments", CreateAsync);
            app.MapPut("/api/v4/projects/{id}/deployments/{deployment_id}", UpdateAsync);
            app.MapGet("/api/v4/groups/{id}/descendant_groups", DescendantGroupsAsync);
            app.MapGet("/api/v4/projects/{id}/environments_status", EnvironmentsStatusAsync);
        }

        private static async Task<IResult> ProjectDeploymentsAsync(HttpContext context, DeploymentsDbContext db, CancellationToken cancellationToken)
        {
            var projectId = RequestReader.Id(context, "id");
            var parameters = FinderParams(context) with { ProjectId = projectId };
            var (page, perPage) = Paging(context);
            var finder = new DeploymentsFinder(db, parameters);
            await RequireProjectAsync(db, projectId, cancellationToken);
            return await PageAsync(finder, page, perPage, cancellationToken);
        }

        private static async Task<IResult> GroupDeploymentsAsync(HttpContext context, DeploymentsDbContext db, CancellationToken cancellationToken)
        {
            var groupId = RequestReader.Id(context, "id");
            var parameters = FinderParams(context) with { GroupId = groupId };
            var (page, perPage) = Paging(context);
            var finder = new DeploymentsFinder(db, parameters);
            await RequireGroupAsync(db, groupId, cancellationToken);
            return await PageAsync(finder, page, perPage, cancellationToken);
        }

        private static async Task<IResult> DeploymentAsync(HttpContext context, DeploymentsDbContext db, CancellationToken cancellationToken)
        {
            var projectId = RequestReader.Id(context, "id");
            var deploymentId = RequestReader.Id(context, "deployment_id");
            var item = await ItemAsync(db, projectId, deploymentId, cancellationToken) ?? throw ApiError.NotFound("Deployment");
            return Results.Json(DeploymentJson.From(item));
        }

        private static async Task<IResult> CreateAsync(HttpContext context, DeploymentsDbContext db, CancellationToken cancellationToken)
        {
            // Everything is validated before the first statement; the writes are then one transaction.
            var projectId = RequestReader.Id(context, "id");
            var body = await JsonBody.ReadAsync<CreateDeploymentJson>(context, cancellationToken);
            var environmentName = TextInput.EnvironmentName(body.Environment) ?? throw new ApiError("environment is missing");
            TextInput.RequireLength("environment", environmentName, TextInput.MaxEnvironmentLength);
            var sha = DeploymentSha.TryNormalize(body.Sha, out var normalized) ? normalized : throw new ApiError("sha is invalid: give the 40 hex characters of a commit id");
            var reference = string.IsNullOrWhiteSpace(body.Ref) ? throw new ApiError("ref is missing") : body.Ref;
            TextInput.RequireLength("ref", reference, TextInput.MaxRefLength);
            var status = Status(body.Status, CreatableStatuses);
            await RequireProjectAsync(db, projectId, cancellationToken);

            var deployment = await DeploymentWrites.CreateAsync(db, projectId, environmentName, sha, reference, status, Now(), cancellationToken);
            var item = await ItemAsync(db, projectId, deployment.Id, cancellationToken);
            return Results.Json(DeploymentJson.From(item!), statusCode: StatusCodes.Status201Created);
        }

        private static async Task<IResult> UpdateAsync(HttpContext context, DeploymentsDbContext db, CancellationToken cancellationToken)
        {
            var projectId = RequestReader.Id(context, "id");
            var deploymentId = RequestReader.Id(context, "deployment_id");
            var body = await JsonBody.ReadAsync<UpdateDeploymentJson>(context, cancellationToken);
            var status = Status(body.Status, CreatableStatuses);
            var updated = await DeploymentWrites.UpdateStatusAsync(db, projectId, deploymentId, status, Now(), cancellationToken) ?? throw ApiError.NotFound("Deployment");
            var item = await ItemAsync(db, projectId, updated.Id, cancellationToken);
            return Results.Json(DeploymentJson.From(item!));
        }

        private static async Task<IResult> LatestDeploysAsync(HttpContext context, DeploymentsDbContext db, CancellationToken cancellationToken)
        {
            var ids = RequestReader.Ids(context, "ids", MaxLatestDeploysProjects).Distinct().ToArray();
            var byProject = LatestDeploys.ByProject(await LatestDeploys.ForProjectsAsync(db, ids, cancellationToken));
            return Results.Json(ids.Select(id => new LatestDeploysJson(
                id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                byProject.TryGetValue(id, out var deploys)
                    ? deploys.ToDictionary(d => d.Key, d => new LatestDeployJson(d.Value.Version, d.Value.DateFinished), StringComparer.Ordinal)
                    : null)));
        }

        private static async Task<IResult> DescendantGroupsAsync(HttpContext context, DeploymentsDbContext db, CancellationToken cancellationToken)
        {
            var groupId = RequestReader.Id(context, "id");
            await RequireGroupAsync(db, groupId, cancellationToken);
            var groups = await NamespaceTree.DescendantsAsync(db, groupId, cancellationToken);
            return Results.Json(groups.Select(g => new GroupJson(g.Id, g.ParentId, g.Name, g.Path)));
        }

        private static async Task<IResult> EnvironmentsStatusAsync(HttpContext context, DeploymentsDbContext db, CancellationToken cancellationToken)
        {
            var projectId = RequestReader.Id(context, "id");
            var text = RequestReader.String(context, "sha") ?? throw new ApiError("sha is missing");
            var sha = DeploymentSha.TryNormalize(text, out var normalized) ? normalized : throw new ApiError("sha is invalid: give the 40 hex characters of a commit id");
            await RequireProjectAsync(db, projectId, cancellationToken);
            var environments = await EnvironmentsStatus.ForShaAsync(db, projectId, sha, cancellationToken);
            return Results.Json(environments.Select(e => new EnvironmentStatusJson(
                e.EnvironmentId,
                e.EnvironmentName,
                new LastDeploymentJson(e.LatestDeploymentId, e.LatestDeploymentIid, e.LatestRef, e.LatestSha, DeploymentStatuses.Name(e.LatestStatus), e.LatestCreatedAt, e.LatestFinishedAt))));
        }

        private static DeploymentsFinderParams FinderParams(HttpContext context) => new()
        {
            EnvironmentName = TextInput.EnvironmentName(RequestReader.String(context, "environment")),
            EnvironmentId = RequestReader.Long(context, "environment_id"),
            Status = RequestReader.List(context, "status"),
            UpdatedAfter = RequestReader.Time(context, "updated_after"),
            UpdatedBefore = RequestReader.Time(context, "updated_before"),
            FinishedAfter = RequestReader.Time(context, "finished_after"),
            FinishedBefore = RequestReader.Time(context, "finished_before"),
            OrderBy = RequestReader.String(context, "order_by"),
            Sort = RequestReader.String(context, "sort"),
        };

        private static (int Page, int PerPage) Paging(HttpContext context)
        {
            var perPage = RequestReader.Int(context, "per_page", 20, 1, DeploymentsFinder.MaxPerPage);
            var maxPage = (DeploymentsFinder.MaxOffset / perPage) + 1;
            var page = RequestReader.Int(context, "page", 1, 1, int.MaxValue);
            return page <= maxPage
                ? (page, perPage)
                : throw new ApiError($"page is too deep: with per_page={perPage} the last page served is {maxPage}; narrow the time window (updated_before or finished_before) instead");
        }

        private static async Task<IResult> PageAsync(DeploymentsFinder finder, int page, int perPage, CancellationToken cancellationToken)
        {
            var rows = await finder.PageAsync(page, perPage, cancellationToken);
            return Results.Json(rows.Select(DeploymentJson.From));
        }

        private static Task<DeploymentListItem?> ItemAsync(DeploymentsDbContext db, long projectId, long deploymentId, CancellationToken cancellationToken) =>
            DeploymentsFinder.Items(db, db.Deployments.Where(d => d.Id == deploymentId && d.ProjectId == projectId))
                .FirstOrDefaultAsync(cancellationToken);

        private static async Task RequireProjectAsync(DeploymentsDbContext db, long projectId, CancellationToken cancellationToken)
        {
            if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
            {
                throw ApiError.NotFound("Project");
            }
        }

        private static async Task RequireGroupAsync(DeploymentsDbContext db, long groupId, CancellationToken cancellationToken)
        {
            if (!await db.Namespaces.AnyAsync(n => n.Id == groupId, cancellationToken))
            {
                throw ApiError.NotFound("Group");
            }
        }

        private static DeploymentStatus Status(string? name, IReadOnlyCollection<string> allowed)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ApiError("status is missing");
            }

            var status = DeploymentStatuses.Parse(name);
            return allowed.Contains(name)
                ? status
                : throw new ApiError($"status is invalid: {name} cannot be set through the API; use one of {string.Join(", ", allowed)}");
        }

        private static DateTime Now()
        {
            // PostgreSQL keeps microseconds: round here so that what the API returns is what a later read returns.
            var now = DateTime.UtcNow;
            return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        }
    }
}
