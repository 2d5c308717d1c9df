using System.Threading.Tasks;
using Npgsql;
using Xunit;

namespace Sargable.Testing
{
    /// <summary>
    /// A fresh, empty database for one test class (<c>IClassFixture&lt;PostgresDatabase&gt;</c>), so classes run in parallel
    /// without seeing each other's tables. Dropped when the class is done.
    /// </summary>
    public sealed class PostgresDatabase : IAsyncLifetime
    {
        private PostgresServer? server;
        private string? connectionString;

        /// <summary>Connection string of this class's own database.</summary>
        public string ConnectionString => connectionString ?? throw new System.InvalidOperationException("The database is not created yet.");

        /// <summary>The server the database lives on.</summary>
        public PostgresServer Server => server ?? throw new System.InvalidOperationException("The database is not created yet.");

        public async Task InitializeAsync()
        {
            server = await PostgresServer.GetSharedAsync().ConfigureAwait(false);
            connectionString = await server.CreateDatabaseAsync().ConfigureAwait(false);
        }

        public async Task DisposeAsync()
        {
            if (server is not null && connectionString is not null)
            {
                await server.DropDatabaseAsync(connectionString).ConfigureAwait(false);
            }
        }

        /// <summary>Opens a connection to this class's database.</summary>
        public async Task<NpgsqlConnection> OpenConnectionAsync()
        {
            var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            return connection;
        }

        /// <summary>Runs SQL that returns nothing (schema scripts, seeding).</summary>
        public async Task ExecuteAsync(string sql)
        {
            await using var connection = await OpenConnectionAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
