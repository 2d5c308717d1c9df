using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Sargable.Core.Tests.EfCorpus;
using Sargable.Core.Tests.Rules;
using Sargable.Registry;

namespace Sargable.Core.Tests.Engine
{
    /// <summary>
    /// The SQL EF Core 10 really emits (captured live from a DbContext on PostgreSQL and SQLite, so it follows EF upgrades)
    /// goes through the engine against the registry of the same model's DDL: every statement parses, and the shapes
    /// the catalog names after anti-patterns are caught with the right rule while their fixed twins pass.
    /// </summary>
    [Collection(EfCorpusCollection.Name)]
    public sealed class EfCorpusEngineTests
    {
        private readonly EfCorpusFixture corpus;

        public EfCorpusEngineTests(EfCorpusFixture corpus) => this.corpus = corpus;

        public static TheoryData<string, string, string> Caught() => new()
        {
            { EfSqlCorpus.PostgreSql, "whole-deployments-table-to-list", RuleIds.UnboundedRead },
            { EfSqlCorpus.PostgreSql, "long-count-all-deployments", RuleIds.WholeTableAggregate },
            { EfSqlCorpus.PostgreSql, "include-environment-of-deployments", RuleIds.FilterOrderMismatch },
            { EfSqlCorpus.PostgreSql, "environments-with-latest-deployment-id-subquery", RuleIds.FilterOrderMismatch },
            { EfSqlCorpus.PostgreSql, "environments-with-latest-deployment-entity", RuleIds.UnboundedRead },
            { EfSqlCorpus.PostgreSql, "environments-by-name-without-project", RuleIds.ScopelessLookup },
            { EfSqlCorpus.PostgreSql, "deployments-by-environment-name-ordered-by-iid", RuleIds.ScopelessLookup },
            { EfSqlCorpus.PostgreSql, "deployments-in-environments-named-subquery", RuleIds.ScopelessLookup },
            { EfSqlCorpus.PostgreSql, "deployments-updated-before-ordered-by-id", RuleIds.FilterOrderMismatch },
            { EfSqlCorpus.PostgreSql, "environment-deployments-finished-in-range-ordered-by-updated-at", RuleIds.FilterOrderMismatch },
            { EfSqlCorpus.PostgreSql, "projects-name-case-insensitive", RuleIds.NoIndexForFilter },
            { EfSqlCorpus.PostgreSql, "environments-ordered-by-name-without-tie-breaker", RuleIds.NoUniqueTieBreaker },
            { EfSqlCorpus.PostgreSql, "deployments-page-by-offset-variable", RuleIds.LargeOffset },
            { EfSqlCorpus.Sqlite, "whole-deployments-table-to-list", RuleIds.UnboundedRead },
            { EfSqlCorpus.Sqlite, "environments-by-name-without-project", RuleIds.ScopelessLookup },
            { EfSqlCorpus.Sqlite, "deployments-updated-before-ordered-by-id", RuleIds.FilterOrderMismatch },
            { EfSqlCorpus.Sqlite, "environments-ordered-by-name-without-tie-breaker", RuleIds.NoUniqueTieBreaker },
            { EfSqlCorpus.Sqlite, "deployments-page-by-offset-variable", RuleIds.LargeOffset },
        };

        public static TheoryData<string, string> Clean() => new()
        {
            { EfSqlCorpus.PostgreSql, "find-deployment-by-key" },
            { EfSqlCorpus.PostgreSql, "single-deployment-by-project-and-iid" },
            { EfSqlCorpus.PostgreSql, "single-or-default-environment-by-project-and-name" },
            { EfSqlCorpus.PostgreSql, "environment-deployments-finished-in-range-ordered-by-finished-at" },
            { EfSqlCorpus.PostgreSql, "deployments-keyset-page-after-updated-at-and-id" },
            { EfSqlCorpus.PostgreSql, "latest-deployment-per-environment-group-by-first" },
            { EfSqlCorpus.PostgreSql, "tagged-allow-comment" },
            { EfSqlCorpus.PostgreSql, "namespace-tree-recursive-cte-from-sql" },
            { EfSqlCorpus.PostgreSql, "execute-delete-old-skipped" },
            { EfSqlCorpus.PostgreSql, "add-environment-and-deployments-save-changes" },
            { EfSqlCorpus.Sqlite, "find-deployment-by-key" },
            { EfSqlCorpus.Sqlite, "single-deployment-by-project-and-iid" },
            { EfSqlCorpus.Sqlite, "environment-deployments-finished-in-range-ordered-by-finished-at" },
            { EfSqlCorpus.Sqlite, "deployments-by-id-list" },
        };

        [Theory]
        [InlineData(EfSqlCorpus.PostgreSql)]
        [InlineData(EfSqlCorpus.Sqlite)]
        public void Every_captured_statement_parses_into_a_shape(string provider)
        {
            var engine = Engine(provider);
            var distinct = corpus.For(provider).Queries.GroupBy(q => q.Sql, StringComparer.Ordinal).Select(g => g.First()).ToList();

            Assert.True(distinct.Count >= 30, $"only {distinct.Count} distinct statements were captured");
            foreach (var query in distinct)
            {
                var verdict = engine.CheckStatement(query.Sql);
                Assert.True(verdict.ParseError is null, $"{provider} {query.Name}: {verdict.ParseError}\n{query.Sql}");
            }

            // Reads of the deployments table must yield at least one deployments access; the shape is not empty.
            var deploymentReads = distinct.Where(q => q.Sql.StartsWith("SELECT", StringComparison.Ordinal) && q.Sql.Contains("deployments", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(deploymentReads);
            Assert.All(deploymentReads, q => Assert.Contains(engine.CheckStatement(q.Sql).Shape!.Accesses, a => a.Table == "deployments"));
        }

        [Theory]
        [MemberData(nameof(Caught))]
        public void Anti_patterns_are_caught_with_their_rule(string provider, string entry, string rule)
        {
            var findings = Findings(provider, entry);

            Assert.True(findings.Any(f => f.RuleId == rule), $"{provider} {entry}: expected {rule}, got {RuleAssert.Describe(findings)}\n{Sql(provider, entry)}");
        }

        [Theory]
        [MemberData(nameof(Clean))]
        public void Well_shaped_queries_pass(string provider, string entry)
        {
            var findings = Findings(provider, entry);

            Assert.True(findings.Count == 0, $"{provider} {entry}: expected no findings, got {RuleAssert.Describe(findings)}\n{Sql(provider, entry)}");
        }

        private List<Finding> Findings(string provider, string entry)
        {
            var engine = Engine(provider);
            var queries = corpus.For(provider).For(entry);
            Assert.NotEmpty(queries);
            return queries.SelectMany(q => engine.CheckStatement(q.Sql).Findings).ToList();
        }

        private string Sql(string provider, string entry) => string.Join("\n;\n", corpus.For(provider).For(entry).Select(q => q.Sql).Distinct());

        private static readonly Dictionary<string, SargableEngine> Engines = new();

        /// <summary>The registry is read from the DDL EF generates for the same model: keys, unique and plain indexes.</summary>
        private static SargableEngine Engine(string provider)
        {
            lock (Engines)
            {
                if (!Engines.TryGetValue(provider, out var engine))
                {
                    var options = new DbContextOptionsBuilder<CorpusDbContext>();
                    if (provider == EfSqlCorpus.PostgreSql)
                    {
                        options.UseNpgsql("Host=unused");
                    }
                    else
                    {
                        options.UseSqlite("Data Source=:memory:");
                    }

                    using var context = new CorpusDbContext(options.Options);
                    engine = new SargableEngine(DdlRegistryLoader.Load(context.Database.GenerateCreateScript()));
                    Engines[provider] = engine;
                }

                return engine;
            }
        }
    }
}
