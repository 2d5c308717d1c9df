using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments.Model;

namespace Sargable.Deployments.Queries
{
    /// <summary>One row of a deployments listing: the deployment and its environment's id and name.</summary>
    public sealed record DeploymentListItem(
        long Id,
        int Iid,
        string Ref,
        string Sha,
        DeploymentStatus Status,
        DateTime CreatedAt,
        DateTime UpdatedAt,
        DateTime? FinishedAt,
        long EnvironmentId,
        string EnvironmentName);

    /// <summary>
    /// GitLab's DeploymentsFinder: deployments of a project, or of a group and all its subgroups, filtered by environment,
    /// status and an updated_at or finished_at window, in one of a few orders. Every combination it accepts is served by
    /// an index of <see cref="DeploymentsDbContext"/> and reads only the page it returns; the combinations no index can
    /// serve are refused up front with an <see cref="InefficientQueryError"/> that says what to change.
    /// </summary>
    public sealed class DeploymentsFinder
    {
        /// <summary>Rows a page may skip. Deeper pages would read and discard every row before them; narrow the window
        /// instead (updated_before, or finished_before, with the matching order), which seeks straight to the rows.</summary>
        public const int MaxOffset = 10_000;

        /// <summary>Rows a page may hold.</summary>
        public const int MaxPerPage = 100;

        internal const string BothWindowsMessage = "Both `updated_at` filter and `finished_at` filter can not be specified";
        internal const string UpdatedNeedsOrderMessage = "`updated_at` filter requires `updated_at` sort";
        internal const string FinishedNeedsOrderMessage = "`finished_at` filter requires `finished_at` sort.";
        internal const string FinishedOrderNeedsFilterMessage = "`finished_at` sort requires `finished_at` filter or a filter with at least one of the finished statuses.";
        internal const string FinishedNeedsSuccessMessage = "`finished_at` filter must be combined with `success` status filter.";
        internal const string EnvironmentNameNeedsProjectMessage = "`environment` name filter must be combined with `project` scope.";
        internal const string MixedStatusesMessage = "finished statuses and upcoming statuses must be separately queried.";

        private readonly DeploymentsDbContext db;
        private readonly DeploymentsFinderParams parameters;
        private readonly DeploymentStatus[] statuses;

        /// <summary>Validates the request; nothing is read from the database until a query runs.</summary>
        /// <exception cref="ArgumentException">No scope or both scopes, or an unknown status (<c>The deployment status kittens is invalid</c>).</exception>
        /// <exception cref="InefficientQueryError">A combination no index serves; the message is GitLab's.</exception>
        public DeploymentsFinder(DeploymentsDbContext db, DeploymentsFinderParams parameters)
        {
            this.db = db ?? throw new ArgumentNullException(nameof(db));
            this.parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
            if (parameters.ProjectId is null == parameters.GroupId is null)
            {
                throw new ArgumentException("Find deployments of a project or of a group: give exactly one of them.", nameof(parameters));
            }

            statuses = (parameters.Status ?? []).Select(DeploymentStatuses.Parse).Distinct().Order().ToArray();
            Order = parameters.OrderBy switch
            {
                "updated_at" => DeploymentOrder.UpdatedAt,
                "finished_at" => DeploymentOrder.FinishedAt,
                _ => DeploymentOrder.Id, // id, iid, created_at, and anything unknown
            };
            Descending = parameters.Sort == "desc";
            Validate();
        }

        /// <summary>The column the rows come in (then id).</summary>
        public DeploymentOrder Order { get; }

        /// <summary>True for sort=desc.</summary>
        public bool Descending { get; }

        /// <summary>The status filter, parsed; empty for any status.</summary>
        public IReadOnlyList<DeploymentStatus> Statuses => statuses;

        private bool FiltersUpdated => parameters.UpdatedAfter is not null || parameters.UpdatedBefore is not null;

        private bool FiltersFinished => parameters.FinishedAfter is not null || parameters.FinishedBefore is not null;

        /// <summary>
        /// Every matching deployment, ordered. Project scope is one index range; group scope filters by the group tree's
        /// projects (for reading everything, e.g. with <c>EachBatchAsync</c>; for pages use <see cref="PageAsync"/>).
        /// </summary>
        public IQueryable<Deployment> Execute()
        {
            if (HasEnvironment)
            {
                return Ordered(Filtered(InEnvironment()));
            }

            if (parameters.ProjectId is { } projectId)
            {
                return Ordered(Filtered(db.Deployments.Where(d => d.ProjectId == projectId)));
            }

            var projects = NamespaceTree.ProjectsOf(db, parameters.GroupId!.Value).Select(p => p.Id);
            return Ordered(Filtered(db.Deployments.Where(d => projects.Contains(d.ProjectId))));
        }

        /// <summary>
        /// One page (1-based) of the result, with each deployment's environment, in one statement.
        /// <para>
        /// Group scope without an environment, on PostgreSQL, reads each project's first <c>page × perPage</c> rows from
        /// its own index range (a LATERAL join) and merges them, instead of collecting every deployment of every project and sorting them all:
        /// the sort holds at most projects × (page × perPage) rows, whatever the table size.
        /// </para>
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">page below 1, perPage outside 1..100, or a page beyond <see cref="MaxOffset"/>.</exception>
        public Task<List<DeploymentListItem>> PageAsync(int page, int perPage, CancellationToken cancellationToken = default)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
            if (perPage is < 1 or > MaxPerPage)
            {
                throw new ArgumentOutOfRangeException(nameof(perPage), perPage, $"per_page must be between 1 and {MaxPerPage}.");
            }

            var offset = (long)(page - 1) * perPage;
            if (offset > MaxOffset)
            {
                throw new ArgumentOutOfRangeException(nameof(page), page, $"A page may start at most {MaxOffset} rows in; narrow the time window instead.");
            }

            IQueryable<Deployment> rows;
            if (HasEnvironment || parameters.ProjectId is not null)
            {
                rows = Execute();
            }
            else if (db.IsPostgres)
            {
                var projects = NamespaceTree.ProjectsOf(db, parameters.GroupId!.Value).Select(p => p.Id);
                rows = Ordered(projects.SelectMany(PerProject((int)offset + perPage)));
            }
            else
            {
                rows = Execute();
            }

            if (offset > 0)
            {
                rows = rows.Skip((int)offset).AllowSargable(
                    RuleIds.LargeOffset,
                    $"page/per_page is the API's contract; the offset is capped at {MaxOffset} rows (DeploymentsFinder.MaxOffset)");
            }

            return Items(db, rows.Take(perPage)).ToListAsync(cancellationToken);
        }

        /// <summary>
        /// The rows as list items. Each environment name is a correlated lookup by primary key rather than a join: a join
        /// leaves PostgreSQL free to hash a sequential scan of every environment for a page of 20 rows, and it does once
        /// the page's estimate is off; a scalar subquery can only be run per row, through the primary key.
        /// </summary>
        public static IQueryable<DeploymentListItem> Items(DeploymentsDbContext db, IQueryable<Deployment> rows)
        {
            ArgumentNullException.ThrowIfNull(db);
            ArgumentNullException.ThrowIfNull(rows);
            return rows.AsNoTracking().Select(d => new DeploymentListItem(
                d.Id, d.Iid, d.Ref, d.Sha, d.Status, d.CreatedAt, d.UpdatedAt, d.FinishedAt, d.EnvironmentId,
                db.Environments.Where(e => e.Id == d.EnvironmentId).Select(e => e.Name).First()));
        }

        /// <summary>
        /// projectId =&gt; the project's matching deployments, ordered, first <paramref name="rows"/>: the finder's own
        /// filters, turned into the lambda of a LATERAL join (the project id becomes the lambda's parameter).
        /// </summary>
        private Expression<Func<long, IEnumerable<Deployment>>> PerProject(int rows)
        {
            var marker = new ProjectMarker();
            // The repeated project filter after Take keeps the LATERAL join: without it EF Core rewrites a plain per-row
            // top-N into ROW_NUMBER() OVER (PARTITION BY project_id ...) over every matching deployment of the table.
            var query = Ordered(Filtered(db.Deployments.Where(d => d.ProjectId == marker.ProjectId))).Take(rows)
                .Where(d => d.ProjectId == marker.ProjectId);
            var parameter = Expression.Parameter(typeof(long), "projectId");
            var body = new MarkerReplacer(marker, parameter).Visit(query.Expression);
            return Expression.Lambda<Func<long, IEnumerable<Deployment>>>(body, parameter);
        }

        private bool HasEnvironment => parameters.EnvironmentId is not null || parameters.EnvironmentName is not null;

        /// <summary>
        /// The deployments of the one environment asked for, if it is in scope. GitLab's fix: the environment is looked up
        /// in its own table (by name within the project: unique index (project_id, name)), inside the scope, as a scalar
        /// subquery, so deployments are filtered by environment_id alone, an equality an index can seek and deliver in
        /// order. The scope is not repeated on deployments: project_id is a function of environment_id, and PostgreSQL,
        /// which multiplies the two selectivities as if they were independent, would expect a few rows of a hot
        /// environment's 50,000 and sort them all rather than read them in index order.
        /// </summary>
        private IQueryable<Deployment> InEnvironment()
        {
            var environments = db.Environments.AsQueryable();
            if (parameters.EnvironmentId is { } environmentId)
            {
                environments = environments.Where(e => e.Id == environmentId);
            }

            if (parameters.ProjectId is { } projectId)
            {
                environments = environments.Where(e => e.ProjectId == projectId);
            }
            else
            {
                var projects = NamespaceTree.ProjectsOf(db, parameters.GroupId!.Value).Select(p => p.Id);
                environments = environments.Where(e => projects.Contains(e.ProjectId));
            }

            if (parameters.EnvironmentName is { } name)
            {
                environments = environments.Where(e => e.Name == name);
            }

            var environment = environments.Select(e => (long?)e.Id);
            return db.Deployments.Where(d => d.EnvironmentId == environment.FirstOrDefault());
        }

        private IQueryable<Deployment> Filtered(IQueryable<Deployment> query)
        {
            if (statuses.Length == 1)
            {
                var status = statuses[0];
                query = query.Where(d => d.Status == status);
            }
            else if (statuses.Length > 1)
            {
                var list = statuses;
                query = query.Where(d => list.Contains(d.Status));
            }

            if (parameters.UpdatedAfter is { } updatedAfter)
            {
                var from = Utc(updatedAfter);
                query = query.Where(d => d.UpdatedAt >= from);
            }

            if (parameters.UpdatedBefore is { } updatedBefore)
            {
                var to = Utc(updatedBefore);
                query = query.Where(d => d.UpdatedAt <= to);
            }

            if (parameters.FinishedAfter is { } finishedAfter)
            {
                var from = Utc(finishedAfter);
                query = query.Where(d => d.FinishedAt >= from);
            }

            if (parameters.FinishedBefore is { } finishedBefore)
            {
                var to = Utc(finishedBefore);
                query = query.Where(d => d.FinishedAt < to);
            }

            return query;
        }

        private IOrderedQueryable<Deployment> Ordered(IQueryable<Deployment> query) => (Order, Descending) switch
        {
            (DeploymentOrder.UpdatedAt, false) => query.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id),
            (DeploymentOrder.UpdatedAt, true) => query.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id),
            (DeploymentOrder.FinishedAt, false) => query.OrderBy(d => d.FinishedAt).ThenBy(d => d.Id),
            (DeploymentOrder.FinishedAt, true) => query.OrderByDescending(d => d.FinishedAt).ThenByDescending(d => d.Id),
            (_, false) => query.OrderBy(d => d.Id),
            (_, true) => query.OrderByDescending(d => d.Id),
        };

        private void Validate()
        {
            var finishedStatus = statuses.Any(DeploymentStatuses.IsFinished);
            var upcomingStatus = statuses.Any(DeploymentStatuses.IsUpcoming);

            // One index range serves one window, in its own column's order.
            if (FiltersUpdated && FiltersFinished)
            {
                throw Refuse(RuleIds.FilterOrderMismatch, "deployments", BothWindowsMessage);
            }

            if (FiltersUpdated && Order != DeploymentOrder.UpdatedAt)
            {
                throw Refuse(RuleIds.FilterOrderMismatch, "deployments", UpdatedNeedsOrderMessage);
            }

            if (FiltersFinished && Order != DeploymentOrder.FinishedAt)
            {
                throw Refuse(RuleIds.FilterOrderMismatch, "deployments", FinishedNeedsOrderMessage);
            }

            // Unfinished deployments have no finished_at: ordering them by it walks every NULL before (or after) the page.
            if (Order == DeploymentOrder.FinishedAt && !FiltersFinished && !finishedStatus)
            {
                throw Refuse(RuleIds.FilterOrderMismatch, "deployments", FinishedOrderNeedsFilterMessage);
            }

            // A finished_at window is a list of successful deployments; other statuses would be filtered out row by row.
            if (FiltersFinished && !(statuses.Length == 1 && statuses[0] == DeploymentStatus.Success))
            {
                throw Refuse(RuleIds.NoIndexForFilter, "deployments", FinishedNeedsSuccessMessage);
            }

            // An environment name is unique only within its project: without the project it matches one environment in
            // every project that has one (GitLab's name-only join).
            if (parameters.EnvironmentName is not null && parameters.ProjectId is null)
            {
                throw Refuse(RuleIds.ScopelessLookup, "environments", EnvironmentNameNeedsProjectMessage);
            }

            // Finished deployments are read in finished_at order, upcoming ones in id order: one order cannot serve both.
            if (finishedStatus && upcomingStatus)
            {
                throw Refuse(RuleIds.FilterOrderMismatch, "deployments", MixedStatusesMessage);
            }
        }

        private static InefficientQueryError Refuse(string ruleId, string table, string message) => new(ruleId, table, message);

        private static DateTime Utc(DateTime value) => value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };

        private sealed class ProjectMarker
        {
            public long ProjectId { get; set; }
        }

        private sealed class MarkerReplacer(ProjectMarker marker, ParameterExpression parameter) : ExpressionVisitor
        {
            protected override Expression VisitMember(MemberExpression node)
            {
                if (node.Member.DeclaringType == typeof(ProjectMarker) && node.Expression is { } target && Evaluates(target, marker))
                {
                    return parameter;
                }

                return base.VisitMember(node);
            }

            private static bool Evaluates(Expression target, ProjectMarker marker) => target switch
            {
                ConstantExpression constant => ReferenceEquals(constant.Value, marker),
                MemberExpression { Member: System.Reflection.FieldInfo field, Expression: ConstantExpression closure } => ReferenceEquals(field.GetValue(closure.Value), marker),
                _ => false,
            };
        }
    }
}
