using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Sargable.Samples.DeploymentsApi.Tests
{
    /// <summary>The API in Development (guard in Throw mode) on a new SQLite file, which the app creates with its demo data.</summary>
    public sealed class SqliteApiFactory : WebApplicationFactory<Program>, IApiHost
    {
        private readonly string path = Path.Combine(Path.GetTempPath(), $"sargable-api-{Guid.NewGuid():N}.db");

        public bool IsPostgres => false;

        /// <summary>The SQLite file the app uses.</summary>
        public string DatabasePath => path;

        public ErrorLog Errors { get; } = new();

        public async Task ExecuteAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        public async Task<long> ScalarAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("sqlite", path);
            builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }

        private async Task<SqliteConnection> OpenAsync()
        {
            _ = Services; // the app creates and seeds the file on start
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true }.ToString());
            await connection.OpenAsync();
            return connection;
        }
    }
}
