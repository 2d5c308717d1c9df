using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QueryGuard.Core.Tests.EfCorpus;
using QueryGuard.EntityFrameworkCore.Tests.Support;

namespace QueryGuard.EntityFrameworkCore.Tests
{
    /// <summary>The suppression API: a tag for one query, a scope for a block; both demand a reason.</summary>
    public sealed class SuppressionApiTests : IDisposable
    {
        private readonly SqliteConnection connection = new("Data Source=:memory:");

        public void Dispose() => connection.Dispose();

        [Fact]
        public void The_tag_is_written_as_the_comment_the_shape_builder_reads()
        {
            using var db = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), null, null, true));
            var sql = db.Deployments
                .OrderBy(d => d.Id)
                .AllowQueryGuard(RuleIds.FilterOrderMismatch, "  nightly report,\n bounded by   few rows ")
                .ToQueryString();

            Assert.StartsWith("-- queryguard:allow QG0003 nightly report, bounded by few rows" + Environment.NewLine, sql, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\n\t")]
        public void A_tag_without_a_reason_is_refused_naming_the_problem(string? reason)
        {
            using var db = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), null, null, true));

            var error = Assert.Throws<ArgumentException>(() => db.Deployments.AllowQueryGuard(RuleIds.FilterOrderMismatch, reason!));

            Assert.Equal("reason", error.ParamName);
            Assert.Contains("QG0003 needs a reason", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unknown_rule_is_refused_with_the_known_ones()
        {
            using var db = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), null, null, true));

            var error = Assert.Throws<ArgumentException>(() => db.Deployments.AllowQueryGuard("QG0042", "because"));

            Assert.Equal("ruleId", error.ParamName);
            Assert.Contains("QG0001", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("")]
        [InlineData(" ")]
        public void A_scope_without_a_reason_is_refused(string reason)
        {
            var error = Assert.Throws<ArgumentException>(() => QueryGuardScope.Allow(RuleIds.UnboundedRead, reason));

            Assert.Equal("reason", error.ParamName);
            Assert.Null(QueryGuardScope.Current);
        }

        [Fact]
        public async Task Scopes_nest_restore_their_parent_and_flow_into_async_code()
        {
            Assert.Null(QueryGuardScope.Current);
            using (var unit = QueryGuardScope.Begin("GET /deployments"))
            {
                Assert.Same(unit, QueryGuardScope.Current);
                using (var allow = QueryGuardScope.Allow("qg0001", "export job reads the whole table on purpose"))
                {
                    Assert.Equal(RuleIds.UnboundedRead, allow.RuleId);
                    Assert.Equal("export job reads the whole table on purpose", QueryGuardScope.AllowReason(QueryGuardScope.Current, RuleIds.UnboundedRead));
                    Assert.Null(QueryGuardScope.AllowReason(QueryGuardScope.Current, RuleIds.LargeOffset));
                    Assert.Same(unit, QueryGuardScope.UnitOfWork(QueryGuardScope.Current));
                    var seenInTask = await Task.Run(() => QueryGuardScope.Current);
                    Assert.Same(allow, seenInTask);
                }

                Assert.Same(unit, QueryGuardScope.Current);
                Assert.Null(QueryGuardScope.AllowReason(QueryGuardScope.Current, RuleIds.UnboundedRead));
            }

            Assert.Null(QueryGuardScope.Current);
        }

        [Fact]
        public async Task RunAsync_opens_a_unit_of_work_for_the_body_only()
        {
            QueryGuardScope? inside = null;
            await QueryGuardScope.RunAsync("GET /deployments", async () =>
            {
                await Task.Yield();
                inside = QueryGuardScope.Current;
            });

            Assert.NotNull(inside);
            Assert.True(inside.IsUnitOfWork);
            Assert.Equal("GET /deployments", inside.Name);
            Assert.Null(QueryGuardScope.Current);
        }

        [Fact]
        public void Disposing_an_outer_scope_ends_the_inner_ones_left_open()
        {
            var outer = QueryGuardScope.Begin("outer");
            var inner = QueryGuardScope.Allow(RuleIds.LargeOffset, "admin page with ten rows");
            outer.Dispose();

            Assert.Null(QueryGuardScope.Current);
            inner.Dispose();
            Assert.Null(QueryGuardScope.Current);
        }
    }
}
