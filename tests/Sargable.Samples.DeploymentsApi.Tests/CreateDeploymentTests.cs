using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;

namespace Sargable.Samples.DeploymentsApi.Tests
{
    /// <summary>
    /// POST /deployments: iids from the per-project counter under concurrency, one transaction per create, and every
    /// request within the guard's N+1 threshold (Throw mode: a repeated statement would be a 500).
    /// </summary>
    public abstract class CreateDeploymentTests
    {
        private static readonly string Sha = new('e', 40);

        protected CreateDeploymentTests(IApiHost host)
        {
            Host = host;
            Client = host.CreateClient();
        }

        protected IApiHost Host { get; }

        protected HttpClient Client { get; }

        /// <summary>A project of the database's seed that only these tests write to.</summary>
        protected abstract long ProjectId { get; }

        [Fact]
        public async Task Sixty_concurrent_creations_in_one_project_all_succeed_with_consecutive_iids()
        {
            var before = await Host.ScalarAsync($"SELECT COALESCE(MAX(iid), 0) FROM deployments WHERE project_id = {ProjectId}");
            Host.Errors.Clear();

            var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
                Client.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/deployments", new { environment = "env-" + (i % 4), sha = Sha, @ref = "main", status = "running" })));

            var iids = new List<int>();
            foreach (var response in responses)
            {
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
                iids.Add(JsonDocument.Parse(text).RootElement.GetProperty("iid").GetInt32());
            }

            Assert.Equal(Enumerable.Range((int)before + 1, 60), iids.Order());
            Assert.Empty(Host.Errors.Entries); // no failed statement, nothing retried, nothing logged as an error
        }

        [Fact]
        public async Task Concurrent_creations_in_a_new_environment_create_it_once()
        {
            var name = "concurrent-" + Guid.NewGuid().ToString("N")[..8];

            var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
                Client.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/deployments", new { environment = name, sha = Sha, @ref = "main", status = "success" })));

            var environments = new HashSet<long>();
            foreach (var response in responses)
            {
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
                environments.Add(JsonDocument.Parse(text).RootElement.GetProperty("environment").GetProperty("id").GetInt64());
            }

            Assert.Single(environments);
            Assert.Equal(1, await Host.ScalarAsync($"SELECT COUNT(*) FROM environments WHERE project_id = {ProjectId} AND name = '{name}'"));
        }

        [Fact]
        public async Task A_create_that_fails_at_the_deployment_insert_leaves_no_environment_and_no_iid_behind()
        {
            await Host.ExecuteAsync(Host.IsPostgres
                ? """
                  CREATE OR REPLACE FUNCTION refuse_deployment() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN IF NEW.ref = 'refused-by-trigger' THEN RAISE EXCEPTION 'deployment refused'; END IF; RETURN NEW; END $$;
                  CREATE OR REPLACE TRIGGER refuse_deployment BEFORE INSERT ON deployments FOR EACH ROW EXECUTE FUNCTION refuse_deployment();
                  """
                : """
                  CREATE TRIGGER IF NOT EXISTS refuse_deployment BEFORE INSERT ON deployments WHEN NEW.ref = 'refused-by-trigger'
                  BEGIN SELECT RAISE(ABORT, 'deployment refused'); END;
                  """);
            var name = "half-written-" + Guid.NewGuid().ToString("N")[..8];
            var before = await Host.ScalarAsync($"SELECT COALESCE(MAX(iid), 0) FROM deployments WHERE project_id = {ProjectId}");

            var failed = await Client.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/deployments", new { environment = name, sha = Sha, @ref = "refused-by-trigger", status = "running" });
            var next = await Client.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/deployments", new { environment = "production", sha = Sha, @ref = "main", status = "running" });

            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Equal(0, await Host.ScalarAsync($"SELECT COUNT(*) FROM environments WHERE project_id = {ProjectId} AND name = '{name}'"));
            Assert.Equal(HttpStatusCode.Created, next.StatusCode);
            Assert.Equal(before + 1, (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("iid").GetInt32()); // the failed create's iid was rolled back
        }

        [Fact]
        public async Task A_NUL_in_ref_with_a_new_environment_is_a_400_and_writes_nothing()
        {
            var name = "nul-" + Guid.NewGuid().ToString("N")[..8];

            var response = await Client.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/deployments", new { environment = name, sha = Sha, @ref = "a\u0000b", status = "running" });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("ref is invalid: it contains a NUL character (U+0000)", await MessageAsync(response));
            Assert.Equal(0, await Host.ScalarAsync($"SELECT COUNT(*) FROM environments WHERE project_id = {ProjectId} AND name = '{name}'"));
        }

        [Fact]
        public async Task An_environment_name_of_255_emoji_is_accepted_and_256_are_refused()
        {
            var name = string.Concat(Enumerable.Repeat("\U0001F680", 255));

            var accepted = await Client.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/deployments", new { environment = name, sha = Sha, @ref = "main", status = "running" });
            var refused = await Client.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/deployments", new { environment = name + "\U0001F680", sha = Sha, @ref = "main", status = "running" });

            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
            Assert.Equal(name, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("environment").GetProperty("name").GetString());
            Assert.Equal("environment is too long: 256 characters, 255 at most", await MessageAsync(refused));
        }

        [Fact]
        public async Task Environment_names_are_trimmed_on_reads_as_on_writes()
        {
            var name = "trimmed-" + Guid.NewGuid().ToString("N")[..8];

            var created = await Client.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/deployments", new { environment = "  " + name + "\t", sha = Sha, @ref = "main", status = "running" });
            var found = await Client.GetFromJsonAsync<JsonElement[]>($"/api/v4/projects/{ProjectId}/deployments?environment=%20{name}%20%20");

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var item = Assert.Single(found!);
            Assert.Equal(id, item.GetProperty("id").GetInt64());
            Assert.Equal(name, item.GetProperty("environment").GetProperty("name").GetString());
        }

        [Theory]
        [InlineData("""{"environment": "production", "sha": "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", "ref": "main", "status": 5}""", "status must be a string, not a number")]
        [InlineData("""{"environment": ["production"], "sha": "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", "ref": "main", "status": "running"}""", "environment must be a string, not an array")]
        [InlineData("""{"environment": "prod\u0000", "sha": "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", "ref": "main", "status": "running"}""", "environment is invalid: it contains a NUL character (U+0000)")]
        [InlineData("""{"environment": "production", "sha": "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\u0000", "ref": "main", "status": "running"}""", "sha is invalid: it contains a NUL character (U+0000)")]
        [InlineData("""{"environment": "production", "sha": "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", "ref": "main", "status": "run\u0000ning"}""", "status is invalid: it contains a NUL character (U+0000)")]
        [InlineData("""{"environment": "production", "sha": "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", "ref": "a\ud800b", "status": "running"}""", "ref is invalid: it contains an unpaired UTF-16 surrogate")]
        [InlineData("""["production"]""", "the request body must be a JSON object, not an array")]
        [InlineData("""{"environment": """, "the request body is not valid JSON (line 1, byte 17)")]
        public async Task A_malformed_body_is_a_400_naming_the_field(string body, string message)
        {
            var response = await Client.PostAsync($"/api/v4/projects/{ProjectId}/deployments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(message, await MessageAsync(response));
        }

        [Fact]
        public async Task A_ref_longer_than_1024_characters_is_refused()
        {
            var response = await Client.PostAsJsonAsync($"/api/v4/projects/{ProjectId}/deployments", new { environment = "production", sha = Sha, @ref = new string('r', 1025), status = "running" });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("ref is too long: 1025 characters, 1024 at most", await MessageAsync(response));
        }

        [Fact]
        public async Task A_status_update_with_a_wrong_type_names_the_field()
        {
            var response = await Client.PutAsync($"/api/v4/projects/{ProjectId}/deployments/1", new StringContent("""{"status": true}""", System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("status must be a string, not a boolean", await MessageAsync(response));
        }

        [Theory]
        [InlineData("environment=a%00b", "environment is invalid: it contains a NUL character (U+0000)")]
        [InlineData("status=success%00", "status is invalid: it contains a NUL character (U+0000)")]
        [InlineData("order_by=id%00", "order_by is invalid: it contains a NUL character (U+0000)")]
        [InlineData("order_by=updated_at&updated_after=06/20/2025", "updated_after is invalid: '06/20/2025' is not an ISO 8601 date and time")]
        [InlineData("order_by=updated_at&updated_after=Fri,%2020%20Jun%202025%2010:00:00%20GMT", "updated_after is invalid: 'Fri, 20 Jun 2025 10:00:00 GMT' is not an ISO 8601 date and time")]
        [InlineData("order_by=updated_at&updated_before=2025-06-20%2010:00", "updated_before is invalid: '2025-06-20 10:00' is not an ISO 8601 date and time")]
        [InlineData("order_by=updated_at&updated_before=%202025-06-20", "updated_before is invalid: ' 2025-06-20' is not an ISO 8601 date and time")]
        public async Task A_malformed_query_is_a_400_naming_the_parameter(string query, string message)
        {
            var response = await Client.GetAsync($"/api/v4/projects/{ProjectId}/deployments?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(message, await MessageAsync(response));
        }

        [Theory]
        [InlineData("2025-06-20")]
        [InlineData("2025-06-20T10:00")]
        [InlineData("2025-06-20T10:00:00Z")]
        [InlineData("2025-06-20T10:00:00.1234567%2B02:00")]
        public async Task ISO_8601_dates_and_times_are_accepted(string time)
        {
            var response = await Client.GetAsync($"/api/v4/projects/{ProjectId}/deployments?order_by=updated_at&updated_after={time}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        private static async Task<string?> MessageAsync(HttpResponseMessage response) =>
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString();
    }

    public sealed class PostgresCreateDeploymentTests(ApiFactory factory) : CreateDeploymentTests(factory), IClassFixture<ApiFactory>
    {
        protected override long ProjectId => 7;
    }

    public sealed class SqliteCreateDeploymentTests(SqliteApiFactory factory) : CreateDeploymentTests(factory), IClassFixture<SqliteApiFactory>
    {
        protected override long ProjectId => 3;
    }
}
