using System;
using System.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sargable.Core.Tests.EfCorpus;
using Sargable.EntityFrameworkCore.Tests.Support;
using Sargable.Infrastructure.Internal;
using Sargable.Internal;

namespace Sargable.EntityFrameworkCore.Tests
{
    public sealed class OptionsTests
    {
        private static SargableOptions Build(Action<SargableOptionsBuilder> configure)
        {
            var builder = new SargableOptionsBuilder();
            configure(builder);
            return builder.Build();
        }

        [Fact]
        public void Equal_settings_give_equal_options_and_equal_hashes()
        {
            static void Configure(SargableOptionsBuilder b) => b
                .Mode(SargableMode.Throw)
                .SmallTable("environments")
                .SmallTableRows(5000)
                .AllowIndex("deployments", "ref", "id DESC")
                .NPlusOneThreshold(3)
                .VerifyWithExplain()
                .DisableRule(RuleIds.LargeOffset);

            var a = Build(Configure);
            var b = Build(Configure);

            Assert.NotSame(a, b);
            Assert.Equal(a, b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());

            var infoA = new SargableOptionsExtension(a).Info;
            var infoB = new SargableOptionsExtension(b).Info;
            Assert.Equal(infoA.GetServiceProviderHashCode(), infoB.GetServiceProviderHashCode());
            Assert.True(infoA.ShouldUseSameServiceProvider(infoB));
        }

        [Theory]
        [InlineData("mode")]
        [InlineData("small")]
        [InlineData("index")]
        [InlineData("threshold")]
        [InlineData("explain")]
        [InlineData("rule")]
        [InlineData("catalog")]
        public void Any_different_setting_gives_unequal_options(string change)
        {
            var baseline = Build(b => b.Mode(SargableMode.Throw).AllowIndex("deployments", "ref"));
            var changed = Build(b =>
            {
                b.Mode(change == "mode" ? SargableMode.Log : SargableMode.Throw);
                b.AllowIndex("deployments", change == "index" ? "sha" : "ref");
                if (change == "small")
                {
                    b.SmallTable("environments");
                }

                if (change == "threshold")
                {
                    b.NPlusOneThreshold(9);
                }

                if (change == "explain")
                {
                    b.VerifyWithExplain();
                }

                if (change == "rule")
                {
                    b.DisableRule(RuleIds.LargeOffset);
                }

                if (change == "catalog")
                {
                    b.IncludeDatabaseCatalog();
                }
            });

            Assert.NotEqual(baseline, changed);
            Assert.False(new SargableOptionsExtension(baseline).Info.ShouldUseSameServiceProvider(new SargableOptionsExtension(changed).Info));
        }

        [Fact]
        public void Registries_given_in_code_compare_by_content()
        {
            var first = new Registry.IndexRegistry(new[] { new Registry.RegisteredTable("deployments", new[] { new Registry.IndexDefinition("ix_ref", new[] { new Registry.IndexColumn("ref") }) }) });
            var second = new Registry.IndexRegistry(new[] { new Registry.RegisteredTable("deployments", new[] { new Registry.IndexDefinition("ix_ref", new[] { new Registry.IndexColumn("ref") }) }) });
            var other = new Registry.IndexRegistry(new[] { new Registry.RegisteredTable("deployments", new[] { new Registry.IndexDefinition("ix_sha", new[] { new Registry.IndexColumn("sha") }) }) });

            Assert.Equal(Build(b => b.UseRegistry(first)), Build(b => b.UseRegistry(second)));
            Assert.NotEqual(Build(b => b.UseRegistry(first)), Build(b => b.UseRegistry(other)));
        }

        [Fact]
        public void Default_mode_is_log_and_calling_UseSargable_again_adds_to_the_configuration()
        {
            var builder = new DbContextOptionsBuilder<CorpusDbContext>().UseSqlite("Data Source=:memory:");
            builder.UseSargable();
            Assert.Equal(SargableMode.Log, builder.Options.FindExtension<SargableOptionsExtension>()!.Options.Mode);

            builder.UseSargable(b => b.Mode(SargableMode.Throw).SmallTable("environments"));
            builder.UseSargable(b => b.SmallTable("projects"));
            var options = builder.Options.FindExtension<SargableOptionsExtension>()!.Options;

            Assert.Equal(SargableMode.Throw, options.Mode);
            Assert.Equal(new[] { "environments", "projects" }, options.SmallTables);
        }

        [Fact]
        public void The_non_generic_overload_configures_a_plain_options_builder()
        {
            var builder = new DbContextOptionsBuilder().UseSqlite("Data Source=:memory:");
            var returned = builder.UseSargable(b => b.Mode(SargableMode.Throw));

            Assert.Same(builder, returned);
            Assert.Equal(SargableMode.Throw, builder.Options.FindExtension<SargableOptionsExtension>()!.Options.Mode);
        }

        [Fact]
        public void Contexts_with_equal_options_share_one_guard_and_different_options_get_their_own()
        {
            using var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            using var a = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), b => b.Mode(SargableMode.Throw).SmallTable("environments"), null, true));
            using var b = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), b => b.Mode(SargableMode.Throw).SmallTable("environments"), null, true));
            using var c = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), b => b.Mode(SargableMode.Log), null, true));

            var guardA = a.GetService<GuardRuntime>();
            Assert.Same(guardA, b.GetService<GuardRuntime>());
            Assert.NotSame(guardA, c.GetService<GuardRuntime>());
            Assert.Equal(SargableMode.Throw, guardA.Options.Mode);
        }

        [Fact]
        public void Off_mode_registers_no_interceptor()
        {
            using var connection = new SqliteConnection("Data Source=:memory:");
            using var off = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), b => b.Mode(SargableMode.Off), null, true));
            using var on = new CorpusDbContext(CorpusOptions.Build(o => o.UseSqlite(connection), b => b.Mode(SargableMode.Log), null, true));

            Assert.DoesNotContain(off.GetService<System.Collections.Generic.IEnumerable<IInterceptor>>(), i => i is SargableInterceptor);
            Assert.Contains(on.GetService<System.Collections.Generic.IEnumerable<IInterceptor>>(), i => i is SargableInterceptor);
        }

        [Fact]
        public void Builder_arguments_are_validated_with_messages_that_name_the_problem()
        {
            var builder = new SargableOptionsBuilder();

            Assert.Contains("at least 1", Assert.Throws<ArgumentOutOfRangeException>(() => builder.NPlusOneThreshold(0)).Message, StringComparison.Ordinal);
            Assert.Contains("negative", Assert.Throws<ArgumentOutOfRangeException>(() => builder.SmallTableRows(-1)).Message, StringComparison.Ordinal);
            Assert.Contains("column", Assert.Throws<ArgumentException>(() => builder.AllowIndex("deployments")).Message, StringComparison.Ordinal);
            Assert.Contains("not a Sargable rule", Assert.Throws<ArgumentException>(() => builder.DisableRule("SARG9999")).Message, StringComparison.Ordinal);
            Assert.Contains("at least 2", Assert.Throws<ArgumentOutOfRangeException>(() => builder.CacheCapacity(1)).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Code_indexes_keep_their_column_order_and_direction()
        {
            var options = Build(b => b.AllowIndex("deployments", "environment_id", "finished_at DESC").AllowUniqueIndex("environments", "project_id", "name"));
            var tables = options.Registries.SelectMany(r => r.Tables).ToDictionary(t => t.Name);

            var index = Assert.Single(tables["deployments"].Indexes);
            Assert.Equal(new[] { "environment_id", "finished_at DESC" }, index.Columns.Select(c => c.ToString()));
            Assert.False(index.Unique);
            Assert.True(Assert.Single(tables["environments"].Indexes).Unique);
        }
    }
}
