using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Sargable.Samples.DeploymentsApi.Tests
{
    /// <summary>
    /// On SQLite, a write that waits past the busy timeout for another writer's lock is a 503 the client can retry, not a
    /// 500. (Reads go on: the app's file is in WAL mode, where a writer never blocks readers.)
    /// </summary>
    public sealed class SqliteBusyTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
    {
        private static readonly object Deployment = new { environment = "busy-check", sha = new string('a', 40), @ref = "main", status = "running" };

        [Fact]
        public async Task A_database_locked_by_another_writer_is_a_503_with_Retry_After()
        {
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v4/projects/1/deployments")).StatusCode);

            // A write transaction on another connection keeps every other writer out until it ends.
            await using (var locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = factory.DatabasePath }.ToString()))
            {
                await locker.OpenAsync();
                await using var command = locker.CreateCommand();
                command.CommandText = "BEGIN EXCLUSIVE";
                await command.ExecuteNonQueryAsync();

                var response = await client.PostAsJsonAsync("/api/v4/projects/1/deployments", Deployment);

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
                Assert.Equal("the database is busy: try again shortly", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
                command.CommandText = "ROLLBACK";
                await command.ExecuteNonQueryAsync();
            }

            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v4/projects/1/deployments", Deployment)).StatusCode);
            Assert.Empty(factory.Errors.Entries);
        }
    }
}
