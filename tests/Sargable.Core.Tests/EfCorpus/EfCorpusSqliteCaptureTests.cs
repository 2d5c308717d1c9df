using System;
using Xunit.Abstractions;

namespace Sargable.Core.Tests.EfCorpus
{
    /// <summary>The same catalog on SQLite: every entry runs, and SQLite's forms (quoted names, json_each, COUNT(*)) show up.</summary>
    [Collection(EfCorpusCollection.Name)]
    public sealed class EfCorpusSqliteCaptureTests(EfCorpusFixture corpus, ITestOutputHelper output)
    {
        private EfCorpusCapture Capture => corpus.Sqlite;

        [Fact]
        public void Every_catalog_entry_runs_without_error_on_SQLite()
        {
            CorpusAssert.EveryEntryRan(Capture);
            output.WriteLine($"SQLite: {Capture.Queries.Count} commands, {Capture.DistinctSql.Count} distinct, captured in {Capture.Elapsed.TotalSeconds:0.00} s");
        }

        [Fact]
        public void Captures_at_least_30_distinct_SQLite_statements()
        {
            Assert.InRange(Capture.DistinctSql.Count, 30, int.MaxValue);
            Assert.All(Capture.Queries, q => Assert.Equal(EfSqlCorpus.Sqlite, q.Provider));
        }

        [Fact]
        public void Parameter_values_are_never_recorded() =>
            Assert.DoesNotContain(Capture.Queries, q => q.Sql.Contains(EfQueryCatalog.ParameterMarker, StringComparison.Ordinal));

        [Theory]
        [InlineData("deployments-by-id-list", @"""d"".""id"" IN \(@ids1, @ids2, @ids3, @ids4, @ids5\)")]
        [InlineData("deployments-by-id-array-as-one-parameter", @"IN \(\s*SELECT ""i"".""value""\s+FROM json_each\(@ids\) AS ""i""\s*\)")]
        [InlineData("deployments-by-id-list-inlined-constants", @"IN \(1, 2, 3, 5, 8\)")]
        [InlineData("deployments-page-by-offset-variable", @"LIMIT @p OFFSET @p\z")]
        [InlineData("count-deployments-of-project", @"\ASELECT COUNT\(\*\)\s+FROM ""deployments"" AS ""d""")]
        [InlineData("environments-name-contains", @"instr\(""e"".""name"", @fragment\) > 0")]
        [InlineData("namespaces-path-starts-with", @"LIKE @prefix_startswith ESCAPE '\\'")]
        [InlineData("environments-with-latest-deployment-entity", @"ROW_NUMBER\(\) OVER\(PARTITION BY ""d"".""environment_id"" ORDER BY ""d"".""id"" DESC\)")]
        [InlineData("tagged-allow-comment", @"\A-- sargable:allow SARG0003 ")]
        [InlineData("namespace-tree-recursive-cte-from-sql", @"\AWITH RECURSIVE tree AS \(")]
        [InlineData("add-deployment-save-changes", @"\AINSERT INTO ""deployments"" \([^)]*\)\s+VALUES \([^)]*\)\s+RETURNING ""id"";?\z")]
        [InlineData("update-tracked-deployment-save-changes", @"\AUPDATE ""deployments"" SET .*\s+WHERE ""id"" = @p3\s+RETURNING 1;?\z")]
        [InlineData("execute-delete-old-skipped", @"\ADELETE FROM ""deployments"" AS ""d""\s+WHERE")]
        [InlineData("execute-update-cancel-stale-running", @"\AUPDATE ""deployments"" AS ""d""\s+SET ""status"" = @p")]
        public void SQLite_entry_has_the_expected_form(string entry, string pattern) => CorpusAssert.HasForm(Capture, entry, pattern);
    }
}
