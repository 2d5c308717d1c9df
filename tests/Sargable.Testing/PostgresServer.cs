using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Sargable.Testing
{
    /// <summary>
    /// The PostgreSQL server of this test run: the one named by <c>SARGABLE_PG</c>, or a private cluster
    /// started on first use. Tests get their own databases from it and never touch anything else on it.
    /// </summary>
    public sealed class PostgresServer
    {
        /// <summary>Environment variable holding the connection string of an existing server to use instead of a private cluster.</summary>
        public const string ConnectionStringVariable = "SARGABLE_PG";

        private const string DatabasePrefix = "sargable_test_";
        private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => Task.Run(Create), LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly ConcurrentDictionary<string, byte> createdDatabases = new(StringComparer.Ordinal);
        private readonly IDisposable? cluster;
        private readonly string? clusterDirectory;

        private PostgresServer(string adminConnectionString, IDisposable? cluster, string? clusterDirectory)
        {
            AdminConnectionString = adminConnectionString;
            this.cluster = cluster;
            this.clusterDirectory = clusterDirectory;
        }

        /// <summary>Connection string to the server's maintenance database, used only to create and drop test databases.</summary>
        public string AdminConnectionString { get; }

        /// <summary>True when this run started the server itself (no <c>SARGABLE_PG</c>).</summary>
        public bool IsPrivate => cluster is not null;

        /// <summary>The data folder of the private cluster, or null for an external server.</summary>
        public string? ClusterDirectory => clusterDirectory;

        /// <summary>The server shared by every test of this process, started on first call.</summary>
        public static Task<PostgresServer> GetSharedAsync() => SharedServer.Value;

        /// <summary>Creates an empty database that belongs to this run and returns its connection string.</summary>
        public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
        {
            var name = DatabasePrefix + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(AdminConnectionString))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            createdDatabases.TryAdd(name, 0);
            return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        }

        /// <summary>Drops a database this run created; refuses any other name.</summary>
        public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
        {
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database
                ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
            if (!createdDatabases.TryRemove(name, out _))
            {
                throw new InvalidOperationException($"Database '{name}' was not created by this test run; Sargable's tests never drop it.");
            }

            using (var pooled = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        private static PostgresServer Create()
        {
            var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
            if (!string.IsNullOrWhiteSpace(external))
            {
                return ConnectExternal(external);
            }

            if (!OperatingSystem.IsLinux())
            {
                throw new PostgresUnavailableException(
                    $"Private test clusters are started on Linux only: set {ConnectionStringVariable} to the connection string of a server on which the tests may create their own databases.");
            }

            var cluster = PrivateCluster.Start();
            return new PostgresServer(cluster.ConnectionString, cluster, cluster.Directory);
        }

        private static PostgresServer ConnectExternal(string connectionString)
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException e)
            {
                throw new PostgresUnavailableException($"{ConnectionStringVariable} is not a valid Npgsql connection string: {e.Message}", e);
            }

            builder.Database ??= "postgres";
            try
            {
                using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Open();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                throw new PostgresUnavailableException(
                    $"Could not connect to the server named by {ConnectionStringVariable} ({builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}): {e.Message}", e);
            }

            return new PostgresServer(builder.ConnectionString, cluster: null, clusterDirectory: null);
        }
    }
}
