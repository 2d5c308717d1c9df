using System;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sargable.Testing;

namespace Sargable.Deployments.Tests
{
    /// <summary>
    /// The deployments schema, created by EF Core from <see cref="DeploymentsDbContext"/>, with <see cref="TestSeed"/>'s
    /// data, on this test class's own PostgreSQL database.
    /// </summary>
    public sealed class DeploymentsDatabase : IAsyncLifetime
    {
        private readonly PostgresDatabase database = new();

        public string ConnectionString => database.ConnectionString;

        public async Task InitializeAsync()
        {
            await database.InitializeAsync();
            await using (var db = Context(null))
            {
                await db.Database.EnsureCreatedAsync();
            }

            await database.ExecuteAsync(TestSeed.Sql + "\nANALYZE;");
        }

        public Task DisposeAsync() => database.DisposeAsync();

        /// <summary>A context with the guard configured by <paramref name="guard"/>; null for no guard.</summary>
        public DeploymentsDbContext Context(Action<SargableOptionsBuilder>? guard) => new(Options(ConnectionString, guard));

        /// <summary>The guard as the reference queries must pass it: Throw, the model's indexes only, every table large.</summary>
        public DeploymentsDbContext Guarded() => Context(g => g.Mode(SargableMode.Throw));

        public Task ExecuteAsync(string sql) => database.ExecuteAsync(sql);

        public static DbContextOptions<DeploymentsDbContext> Options(string connectionString, Action<SargableOptionsBuilder>? guard)
        {
            var builder = new DbContextOptionsBuilder<DeploymentsDbContext>()
                .UseNpgsql(connectionString)
                .ConfigureWarnings(w => w.Log(CoreEventId.ManyServiceProvidersCreatedWarning));
            if (guard is not null)
            {
                builder.UseSargable(guard);
            }

            return builder.Options;
        }
    }
}
