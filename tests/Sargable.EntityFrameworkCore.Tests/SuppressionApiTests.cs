using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
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
                .AllowSargable(RuleIds.FilterOrderMismatch, "  nightly report,\n bounded by   few rows ")
                .ToQueryString();

            Assert.StartsWith("-- sargable:allow SARG0003 nightly report, bounded by few rows" + Environment.NewLine, sql, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\n\t")]
        public void A_tag_without_a_reason_is_refused_naming_the_problem(string? reason)
        {
            using var db = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), null, null, true));

            var error = Assert.Throws<ArgumentException>(() => db.Deployments.AllowSargable(RuleIds.FilterOrderMismatch, reason!));

            Assert.Equal("reason", error.ParamName);
            Assert.Contains("SARG0003 needs a reason", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unknown_rule_is_refused_with_the_known_ones()
        {
            using var db = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), null, null, true));

            var error = Assert.Throws<ArgumentException>(() => db.Deployments.AllowSargable("SARG0042", "because"));

            Assert.Equal("ruleId", error.ParamName);
            Assert.Contains("SARG0001", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("")]
        [InlineData(" ")]
        public void A_scope_without_a_reason_is_refused(string reason)
        {
            var error = Assert.Throws<ArgumentException>(() => SargableScope.Allow(RuleIds.UnboundedRead, reason));

            Assert.Equal("reason", error.ParamName);
            Assert.Null(SargableScope.Current);
        }

        [Fact]
        public async Task Scopes_nest_restore_their_parent_and_flow_into_async_code()
        {
            Assert.Null(SargableScope.Current);
            using (var unit = SargableScope.Begin("GET /deployments"))
            {
                Assert.Same(unit, SargableScope.Current);
                using (var allow = SargableScope.Allow("sarg0001", "export job reads the whole table on purpose"))
                {
                    Assert.Equal(RuleIds.UnboundedRead, allow.RuleId);
                    Assert.Equal("export job reads the whole table on purpose", SargableScope.AllowReason(SargableScope.Current, RuleIds.UnboundedRead));
                    Assert.Null(SargableScope.AllowReason(SargableScope.Current, RuleIds.LargeOffset));
                    Assert.Same(unit, SargableScope.UnitOfWork(SargableScope.Current));
                    var seenInTask = await Task.Run(() => SargableScope.Current);
                    Assert.Same(allow, seenInTask);
                }

                Assert.Same(unit, SargableScope.Current);
                Assert.Null(SargableScope.AllowReason(SargableScope.Current, RuleIds.UnboundedRead));
            }

            Assert.Null(SargableScope.Current);
        }

        [Fact]
        public async Task RunAsync_opens_a_unit_of_work_for_the_body_only()
        {
            SargableScope? inside = null;
            await SargableScope.RunAsync("GET /deployments", async () =>
            {
                await Task.Yield();
                inside = SargableScope.Current;
            });

            Assert.NotNull(inside);
            Assert.True(inside.IsUnitOfWork);
            Assert.Equal("GET /deployments", inside.Name);
            Assert.Null(SargableScope.Current);
        }

        [Fact]
        public void Disposing_an_outer_scope_ends_the_inner_ones_left_open()
        {
            var outer = SargableScope.Begin("outer");
            var inner = SargableScope.Allow(RuleIds.LargeOffset, "admin page with ten rows");
            outer.Dispose();

            Assert.Null(SargableScope.Current);
            inner.Dispose();
            Assert.Null(SargableScope.Current);
        }
    }
}
