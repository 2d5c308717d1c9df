using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments.Model;

namespace Sargable.Deployments.Queries
{
    /// <summary>
    /// A group's ancestors and descendants, each in one statement: a recursive CTE that runs as a loop of index lookups
    /// (children by <c>parent_id</c>, parents by primary key), however deep the tree is. A cycle written into the table
    /// by hand ends the walk instead of looping:
    /// <list type="bullet">
    /// <item>walking down, <c>UNION ALL</c> with the start group left out of every step. Each group has one parent, so a
    /// walk down from a group can reach a group twice only by coming back through the start group itself; without it
    /// no row can repeat, and <c>UNION</c>'s duplicate check over every row is not needed;</item>
    /// <item>walking up, a cycle can sit anywhere above the group, so <c>UNION</c> stops at the first repeated row (a
    /// walk up reads one row per level).</item>
    /// </list>
    /// The results are queryables, so they compose: <see cref="ProjectsOf"/> is "all projects of a group tree" in one
    /// statement.
    /// <para>
    /// On PostgreSQL each step is a LATERAL subquery with <c>OFFSET 0</c>, which PostgreSQL never flattens into a join.
    /// A plain join lets the planner guess the recursive part's size (ten times the start row per level), and with a
    /// few thousand groups it then hash-joins a sequential scan of namespaces (and of projects) at every level; the
    /// guard's EXPLAIN mode shows exactly that. SQLite has no LATERAL and always walks joins through the index.
    /// </para>
    /// </summary>
    public static class NamespaceTree
    {
        /// <summary>The group and every group below it, at any depth.</summary>
        public static IQueryable<Namespace> SelfAndDescendants(DeploymentsDbContext db, long groupId)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.IsPostgres
                ? db.Namespaces.FromSql($"""
                    WITH RECURSIVE tree AS (
                        SELECT n.id, n.parent_id, n.name, n.path FROM namespaces AS n WHERE n.id = {groupId}
                        UNION ALL
                        SELECT c.id, c.parent_id, c.name, c.path FROM tree AS t
                        CROSS JOIN LATERAL (SELECT k.id, k.parent_id, k.name, k.path FROM namespaces AS k WHERE k.parent_id = t.id AND k.id <> {groupId} OFFSET 0) AS c)
                    SELECT tree.id, tree.parent_id, tree.name, tree.path FROM tree
                    """)
                : db.Namespaces.FromSql($"""
                    WITH RECURSIVE tree AS (
                        SELECT n.id, n.parent_id, n.name, n.path FROM namespaces AS n WHERE n.id = {groupId}
                        UNION ALL
                        SELECT c.id, c.parent_id, c.name, c.path FROM namespaces AS c JOIN tree AS t ON c.parent_id = t.id WHERE c.id <> {groupId})
                    SELECT tree.id, tree.parent_id, tree.name, tree.path FROM tree
                    """);
        }

        /// <summary>The group and every group above it, up to the top-level group.</summary>
        public static IQueryable<Namespace> SelfAndAncestors(DeploymentsDbContext db, long groupId)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.IsPostgres
                ? db.Namespaces.FromSql($"""
                    WITH RECURSIVE tree AS (
                        SELECT n.id, n.parent_id, n.name, n.path FROM namespaces AS n WHERE n.id = {groupId}
                        UNION
                        SELECT p.id, p.parent_id, p.name, p.path FROM tree AS t
                        CROSS JOIN LATERAL (SELECT k.id, k.parent_id, k.name, k.path FROM namespaces AS k WHERE k.id = t.parent_id OFFSET 0) AS p)
                    SELECT tree.id, tree.parent_id, tree.name, tree.path FROM tree
                    """)
                : db.Namespaces.FromSql($"""
                    WITH RECURSIVE tree AS (
                        SELECT n.id, n.parent_id, n.name, n.path FROM namespaces AS n WHERE n.id = {groupId}
                        UNION
                        SELECT p.id, p.parent_id, p.name, p.path FROM namespaces AS p JOIN tree AS t ON p.id = t.parent_id)
                    SELECT tree.id, tree.parent_id, tree.name, tree.path FROM tree
                    """);
        }

        /// <summary>Every project of the group and its subgroups: the projects of each group of the tree, by namespace_id.</summary>
        public static IQueryable<Project> ProjectsOf(DeploymentsDbContext db, long groupId)
        {
            ArgumentNullException.ThrowIfNull(db);
            if (!db.IsPostgres)
            {
                var groups = SelfAndDescendants(db, groupId).Select(n => n.Id);
                return db.Projects.Where(p => groups.Contains(p.NamespaceId));
            }

            return db.Projects.FromSql($"""
                WITH RECURSIVE tree AS (
                    SELECT n.id FROM namespaces AS n WHERE n.id = {groupId}
                    UNION ALL
                    SELECT c.id FROM tree AS t
                    CROSS JOIN LATERAL (SELECT k.id FROM namespaces AS k WHERE k.parent_id = t.id AND k.id <> {groupId} OFFSET 0) AS c)
                SELECT p.id, p.namespace_id, p.name FROM tree
                CROSS JOIN LATERAL (SELECT j.id, j.namespace_id, j.name FROM projects AS j WHERE j.namespace_id = tree.id OFFSET 0) AS p
                """);
        }

        /// <summary>The groups below <paramref name="groupId"/> (not the group itself), ordered by id.</summary>
        public static Task<List<Namespace>> DescendantsAsync(DeploymentsDbContext db, long groupId, CancellationToken cancellationToken = default) =>
            SelfAndDescendants(db, groupId).AsNoTracking().Where(n => n.Id != groupId).OrderBy(n => n.Id).ToListAsync(cancellationToken);

        /// <summary>The groups above <paramref name="groupId"/>, nearest first (parent, grandparent, ..., top level).</summary>
        public static async Task<List<Namespace>> AncestorsAsync(DeploymentsDbContext db, long groupId, CancellationToken cancellationToken = default)
        {
            var rows = await SelfAndAncestors(db, groupId).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var byId = rows.ToDictionary(n => n.Id);
            var chain = new List<Namespace>();
            var seen = new HashSet<long> { groupId };
            for (var current = byId.GetValueOrDefault(groupId)?.ParentId; current is { } id && seen.Add(id) && byId.TryGetValue(id, out var parent); current = parent.ParentId)
            {
                chain.Add(parent);
            }

            return chain;
        }
    }
}
