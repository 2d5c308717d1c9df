using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Sargable.Core.Tests.EfCorpus
{
    /// <summary>
    /// The catalog on a private PostgreSQL database: every entry runs, and the SQL has the forms that parser and rule
    /// tests rely on. If an EF Core or Npgsql upgrade changes a form, the failing row names the entry and shows the SQL.
    /// </summary>
    [Collection(EfCorpusCollection.Name)]
    public sealed class EfCorpusCaptureTests(EfCorpusFixture corpus, ITestOutputHelper output)
    {
        private EfCorpusCapture Capture => corpus.PostgreSql;

        [Fact]
        public void Every_catalog_entry_runs_without_error_on_PostgreSQL()
        {
            CorpusAssert.EveryEntryRan(Capture);
            output.WriteLine($"PostgreSQL: {Capture.Queries.Count} commands, {Capture.DistinctSql.Count} distinct, captured in {Capture.Elapsed.TotalSeconds:0.00} s");
        }

        [Fact]
        public void Captures_at_least_30_distinct_PostgreSQL_statements()
        {
            Assert.InRange(Capture.DistinctSql.Count, 30, int.MaxValue);
            Assert.All(Capture.Queries, q => Assert.Equal(EfSqlCorpus.PostgreSql, q.Provider));
        }

        [Fact]
        public void Parameter_values_are_never_recorded()
        {
            Assert.NotEmpty(Capture.For("environment-by-name-marker-parameter"));
            Assert.DoesNotContain(Capture.Queries, q => q.Sql.Contains(EfQueryCatalog.ParameterMarker, StringComparison.Ordinal));
        }

        [Fact]
        public void The_N_plus_one_entry_repeats_one_statement_per_environment()
        {
            var repeated = Capture.For("latest-deployment-per-environment-n-plus-one")
                .GroupBy(q => q.Sql, StringComparer.Ordinal)
                .Max(g => g.Count());
            Assert.Equal(3, repeated);
        }

        [Theory]
        [InlineData("deployments-by-id-list", @"WHERE d\.id = ANY \(@ids\)")]
        [InlineData("deployments-with-status-in-variable-set", @"d\.status = ANY \(@finished\)")]
        [InlineData("deployments-by-id-list-inlined-constants", @"d\.id IN \(1, 2, 3, 5, 8\)")]
        [InlineData("deployments-with-status-in-constant-set", @"d\.status IN \(3, 4\)")]
        [InlineData("successful-deployments-ordered-by-id-take-20", @"ORDER BY d\.id\s+LIMIT @p\z")]
        [InlineData("first-deployment-by-key", @"WHERE d\.id = @id\s+LIMIT 1\z")]
        [InlineData("single-deployment-by-project-and-iid", @"WHERE d\.project_id = @projectId AND d\.iid = @iid\s+LIMIT 2\z")]
        [InlineData("deployments-page-by-offset-variable", @"LIMIT @p OFFSET @p\z")]
        [InlineData("deployments-page-by-literal-offset", @"LIMIT @p1 OFFSET @p\z")]
        [InlineData("deployments-updated-before-ordered-by-id", @"WHERE d\.updated_at <= @before\s+ORDER BY d\.id\s+LIMIT @p")]
        [InlineData("environment-deployments-finished-in-range-ordered-by-updated-at", @"d\.finished_at >= @from AND d\.finished_at < @to\s+ORDER BY d\.updated_at, d\.id")]
        [InlineData("deployments-newest-first-then-by-id", @"ORDER BY d\.created_at DESC, d\.id\s+LIMIT")]
        [InlineData("environments-by-name-without-project", @"FROM environments AS e\s+WHERE e\.name = @name\z")]
        [InlineData("deployments-by-environment-name-ordered-by-iid", @"INNER JOIN environments AS e ON d\.environment_id = e\.id\s+WHERE e\.name = @name\s+ORDER BY d\.iid")]
        [InlineData("deployments-in-environments-named-subquery", @"WHERE d\.environment_id IN \(\s*SELECT e\.id\s+FROM environments AS e\s+WHERE e\.name = @name\s*\)")]
        [InlineData("production-deployments-of-project-via-navigation", @"e\.name = 'production'")]
        [InlineData("count-deployments-of-project", @"\ASELECT count\(\*\)::int\s+FROM deployments AS d")]
        [InlineData("long-count-all-deployments", @"\ASELECT count\(\*\)\s+FROM deployments AS d\z")]
        [InlineData("any-deployment-in-environment", @"\ASELECT EXISTS \(")]
        [InlineData("count-deployments-by-status", @"GROUP BY d\.status\z")]
        [InlineData("average-iid-of-project", @"avg\(d\.iid::double precision\)")]
        [InlineData("include-deployments-of-environments", @"LEFT JOIN deployments AS d ON e\.id = d\.environment_id")]
        [InlineData("include-deployments-of-environments-split-query", @"INNER JOIN deployments AS d ON e\.id = d\.environment_id")]
        [InlineData("environments-with-latest-deployment-id-subquery", @"WHERE e\.id = d\.environment_id\s+ORDER BY d\.id DESC\s+LIMIT 1\) AS ""LatestDeploymentId""")]
        [InlineData("environments-with-latest-deployment-entity", @"ROW_NUMBER\(\) OVER\(PARTITION BY d\.environment_id ORDER BY d\.id DESC\)")]
        [InlineData("latest-deployment-per-environment-group-by-first", @"ROW_NUMBER\(\) OVER\(PARTITION BY d0\.environment_id ORDER BY d0\.id DESC\) AS row\s+FROM deployments AS d0\s+WHERE d0\.environment_id = ANY \(@environmentIds\)")]
        [InlineData("group-join-left-join-environments-deployments", @"LEFT JOIN deployments AS d ON e\.id = d\.environment_id")]
        [InlineData("left-join-operator-releases-last-deployment", @"LEFT JOIN deployments AS d ON r\.last_deployment_id = d\.id")]
        [InlineData("distinct-refs-of-project", @"\ASELECT DISTINCT d\.ref")]
        [InlineData("union-environment-ids-failed-or-canceled", @"\nUNION\n")]
        [InlineData("concat-recent-and-running-deployment-ids", @"\nUNION ALL\n")]
        [InlineData("namespaces-path-starts-with", @"n\.path LIKE @prefix_startswith")]
        [InlineData("projects-name-case-insensitive", @"lower\(p\.name\) = @")]
        [InlineData("unfinished-deployments-of-environment", @"d\.finished_at IS NULL\z")]
        [InlineData("release-environments-with-last-deployment", @"r\.last_deployment_id IS NOT NULL\z")]
        [InlineData("whole-deployments-table-to-list", @"\ASELECT [^\n]+\nFROM deployments AS d\z")]
        [InlineData("tagged-allow-comment", @"\A-- sargable:allow SARG0003 [^\n]+\n\s*SELECT ")]
        [InlineData("namespace-tree-recursive-cte-from-sql", @"\AWITH RECURSIVE tree AS \(")]
        [InlineData("add-deployment-save-changes", @"\AINSERT INTO deployments \([^)]*\)\s+VALUES \([^)]*\)\s+RETURNING id;?\z")]
        [InlineData("add-environment-and-deployments-save-changes", @"RETURNING id;\s*INSERT INTO deployments")]
        [InlineData("update-tracked-deployment-save-changes", @"\AUPDATE deployments SET [^\n]+\s+WHERE id = @p\d+;?\z")]
        [InlineData("remove-release-save-changes", @"\ADELETE FROM releases\s+WHERE id = @p0;?\z")]
        [InlineData("remove-range-of-loaded-deployments", @"DELETE FROM deployments\s+WHERE id = @p0;\s*DELETE FROM deployments")]
        [InlineData("execute-update-cancel-stale-running", @"\AUPDATE deployments AS d\s+SET status = @p")]
        [InlineData("execute-delete-old-skipped", @"\ADELETE FROM deployments AS d\s+WHERE d\.project_id = @projectId")]
        public void PostgreSQL_entry_has_the_expected_form(string entry, string pattern) => CorpusAssert.HasForm(Capture, entry, pattern);

        [Theory]
        [InlineData("= ANY (")]
        [InlineData("LIMIT")]
        [InlineData("OFFSET")]
        [InlineData("DELETE FROM")]
        [InlineData("RETURNING")]
        [InlineData("count(*)::int")]
        [InlineData("INSERT INTO")]
        [InlineData("UPDATE ")]
        [InlineData("WITH RECURSIVE")]
        [InlineData("-- sargable:allow")]
        public void Some_PostgreSQL_statement_contains(string fragment) =>
            Assert.Contains(Capture.Queries, q => q.Sql.Contains(fragment, StringComparison.Ordinal));

        [Fact]
        public void PostgreSQL_names_are_snake_case()
        {
            // Quoted identifiers appear only as projection aliases ("Id", "EnvironmentName"), never as tables or columns.
            var pascal = new Regex(@"\b(?:FROM|JOIN|INTO|UPDATE)\s+""?[A-Z]|\.[A-Z][a-z]", RegexOptions.CultureInvariant);
            Assert.DoesNotContain(Capture.Queries, q => pascal.IsMatch(q.Sql));
        }
    }

    /// <summary>Assertions shared by the per-provider corpus tests.</summary>
    internal static class CorpusAssert
    {
        public static void EveryEntryRan(EfCorpusCapture capture)
        {
            Assert.True(
                capture.Failures.Count == 0,
                $"Catalog entries failed on {capture.Provider}:\n" + string.Join("\n\n", capture.Failures.Select(f => f.Name + ": " + f.Error)));
            var silent = EfQueryCatalog.All.Select(c => c.Name).Where(name => capture.For(name).Count == 0).ToList();
            Assert.True(silent.Count == 0, "Entries that executed no command: " + string.Join(", ", silent));
        }

        public static void HasForm(EfCorpusCapture capture, string entry, string pattern)
        {
            _ = EfQueryCatalog.Get(entry);
            var statements = capture.For(entry);
            Assert.NotEmpty(statements);
            var regex = new Regex(pattern, RegexOptions.CultureInvariant);
            Assert.True(
                statements.Any(q => regex.IsMatch(q.Sql.Trim())),
                $"No {capture.Provider} command of '{entry}' matches /{pattern}/. Captured:\n" + string.Join("\n---\n", statements.Select(q => q.Sql)));
        }
    }
}
