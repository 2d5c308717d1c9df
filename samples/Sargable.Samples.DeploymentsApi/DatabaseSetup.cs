using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sargable.Deployments;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>
    /// Which database the API uses: <c>--postgres "&lt;connection string&gt;"</c> (or <c>SARGABLE_PG</c>), else a SQLite
    /// file (<c>--sqlite &lt;path&gt;</c>, default deployments-demo.db beside the built program). <c>--seed demo</c> loads
    /// the demo data into PostgreSQL; a new SQLite file always gets it.
    /// </summary>
    public sealed record DatabaseChoice(bool IsPostgres, string ConnectionString, string Description, bool SeedDemo)
    {
        /// <summary>How long a SQLite command waits for another connection's lock before the request is answered 503.</summary>
        public const int BusyTimeoutSeconds = 5;

        public static DatabaseChoice From(IConfiguration configuration)
        {
            var seed = configuration["seed"];
            if (seed is not null && !string.Equals(seed, "demo", StringComparison.Ordinal))
            {
                throw new ArgumentException($"--seed takes one value, demo (got '{seed}').");
            }

            // An explicit --sqlite wins over SARGABLE_PG from the environment (not over --postgres: give one of them).
            var postgres = configuration["postgres"];
            if (string.IsNullOrWhiteSpace(postgres) && configuration["sqlite"] is null)
            {
                postgres = Environment.GetEnvironmentVariable("SARGABLE_PG");
            }

            if (!string.IsNullOrWhiteSpace(postgres))
            {
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
                return new DatabaseChoice(true, postgres, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}", seed is not null);
            }

            var path = Path.GetFullPath(configuration["sqlite"] ?? Path.Combine(AppContext.BaseDirectory, "deployments-demo.db"));
            // A request waits at most 5 s for another writer's lock (Microsoft.Data.Sqlite's default is 30 s), then is a 503.
            var connection = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, DefaultTimeout = BusyTimeoutSeconds }.ToString();
            return new DatabaseChoice(false, connection, "SQLite " + path, seed is not null || !File.Exists(path));
        }
    }

    internal static class DatabaseSetup
    {
        /// <summary>Creates the schema when the database has none, and seeds the demo data when asked (or for a new SQLite file).</summary>
        public static async Task PrepareAsync(IServiceProvider services, DatabaseChoice database, ILogger logger)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DeploymentsDbContext>();
            var created = await db.Database.EnsureCreatedAsync();
            logger.LogInformation("Deployments API on {Database}{Created}", database.Description, created ? " (schema created)" : string.Empty);
            if (database.SeedDemo)
            {
                if (await DemoData.SeedAsync(db))
                {
                    logger.LogInformation("Demo data loaded: try GET /api/v4/projects/1/deployments?environment=production&sort=desc");
                }
                else
                {
                    logger.LogInformation("Demo data already present");
                }
            }
        }
    }
}
