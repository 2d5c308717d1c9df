using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Npgsql;

namespace Sargable.Samples.DeploymentsApi.Tests
{
    /// <summary>A database with no free connection is a 503 the client can retry, not an empty 500.</summary>
    public sealed class PoolExhaustionTests(TinyPoolApiFactory factory) : IClassFixture<TinyPoolApiFactory>
    {
        [Fact]
        public async Task An_exhausted_connection_pool_is_a_503_with_Retry_After()
        {
            var client = factory.CreateClient();

            // The same connection string in the same process shares the app's pool of one: holding it exhausts the pool.
            await using (var held = new NpgsqlConnection(factory.ConnectionString))
            {
                await held.OpenAsync();
                var response = await client.GetAsync("/api/v4/projects/1/deployments");

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
                Assert.Equal("the database has no free connection: try again shortly", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v4/projects/1/deployments")).StatusCode);
        }
    }
}
