using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sargable.Testing;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>
    /// SARG0006's partial index for a lone enum filter, from the guard on PostgreSQL: an enum stored as text
    /// (<c>HasConversion&lt;string&gt;()</c>) is compared with its member's name, so the predicate must be that name, and the
    /// suggested DDL must run on the real table. The table is large by PostgreSQL's own row estimate (the live catalog).
    /// </summary>
    public sealed class StringStoredEnumTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            await using var db = Context(guard: null);
            if (await db.Database.EnsureCreatedAsync())
            {
                // 5,000 rows, then ANALYZE: reltuples says the table is not small (the threshold is 1,000 rows).
                await database.ExecuteAsync("""
                    INSERT INTO "Orders" ("Status", "Kind") SELECT (ARRAY['Placed','Paid','Shipped','Returned'])[1 + i % 4], i % 2 FROM generate_series(1, 5000) AS i;
                    ANALYZE "Orders";
                    """);
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;

        [Fact]
        public async Task A_string_stored_enum_filter_gets_a_partial_index_on_the_member_name_that_runs_on_the_table()
        {
            await using var db = Guarded();

            var error = Assert.Throws<InefficientQueryError>(() => db.Orders.Where(o => o.Status == OrderStatus.Shipped).ToList());

            Assert.Equal(RuleIds.NoIndexForFilter, error.RuleId);
            Assert.Equal(new[] { "Status" }, error.Columns);
            Assert.EndsWith("ON \"Orders\" (\"Id\") WHERE \"Status\" = 'Shipped'", error.SuggestedIndex, StringComparison.Ordinal);
            Assert.Contains("partial index on (Id) WHERE \"Status\" = 'Shipped'", error.Finding.Message, StringComparison.Ordinal);

            // The predicate compares text with text: PostgreSQL accepts the index, and with it the guard lets the query run.
            await database.ExecuteAsync(error.SuggestedIndex!);
            try
            {
                await using var indexed = Guarded();
                Assert.Equal(1250, indexed.Orders.Where(o => o.Status == OrderStatus.Shipped).ToList().Count);
            }
            finally
            {
                await database.ExecuteAsync("DROP INDEX " + error.SuggestedIndex!.Split(' ')[3]);
            }
        }

        [Fact]
        public async Task An_int_stored_enum_filter_gets_a_partial_index_on_the_number()
        {
            await using var db = Guarded();

            var error = Assert.Throws<InefficientQueryError>(() => db.Orders.Where(o => o.Kind == OrderKind.Express).ToList());

            Assert.Equal(RuleIds.NoIndexForFilter, error.RuleId);
            Assert.EndsWith("ON \"Orders\" (\"Id\") WHERE \"Kind\" = 1", error.SuggestedIndex, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_string_stored_enum_compared_with_a_parameter_gets_the_plain_index_and_no_value_in_the_message()
        {
            await using var db = Guarded();
            var wanted = OrderStatus.Returned;

            var error = Assert.Throws<InefficientQueryError>(() => db.Orders.Where(o => o.Status == wanted).ToList());

            Assert.Equal(RuleIds.NoIndexForFilter, error.RuleId);
            Assert.EndsWith("ON \"Orders\" (\"Status\")", error.SuggestedIndex, StringComparison.Ordinal);
            Assert.DoesNotContain("Returned", error.Message, StringComparison.Ordinal);
        }

        private ShopDb Guarded() => Context(b => b.Mode(SargableMode.Throw).IncludeDatabaseCatalog());

        /// <summary>Each guarded context gets its own service provider, so each reads the catalog as it is now.</summary>
        private ShopDb Context(Action<SargableOptionsBuilder>? guard)
        {
            var builder = new DbContextOptionsBuilder<ShopDb>().UseNpgsql(database.ConnectionString)
                .ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning))
                .EnableServiceProviderCaching(false);
            if (guard is not null)
            {
                builder.UseSargable(guard);
            }

            return new ShopDb(builder.Options);
        }

        public enum OrderStatus
        {
            Placed,
            Paid,
            Shipped,
            Returned,
        }

        public enum OrderKind
        {
            Standard,
            Express,
        }

        public sealed class Order
        {
            public long Id { get; set; }

            public OrderStatus Status { get; set; }

            public OrderKind Kind { get; set; }
        }

        public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();

            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Order>().Property(o => o.Status).HasConversion<string>();
        }
    }
}
