using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Deployments;
using Sargable.Deployments.Model;
using Sargable.Deployments.Tests;

namespace Sargable.Samples.DeploymentsApi.Tests
{
    /// <summary>The deployments API over HTTP, on the seeded PostgreSQL, with the guard in Throw mode.</summary>
    public sealed class ApiTests : IClassFixture<ApiFactory>, IAsyncLifetime
    {
        private static readonly DateTime Epoch = TestSeed.Epoch;
        private readonly ApiFactory factory;
        private readonly HttpClient client;
        private List<Deployment> all = [];

        public ApiTests(ApiFactory factory)
        {
            this.factory = factory;
            client = factory.CreateClient();
        }

        public static TheoryData<string, string> BadRequests => new()
        {
            { "projects/1/deployments?updated_after=2025-01-01T00:00:00Z&finished_after=2025-01-01T00:00:00Z&order_by=updated_at", "Both `updated_at` filter and `finished_at` filter can not be specified" },
            { "projects/1/deployments?updated_before=2025-01-02", "`updated_at` filter requires `updated_at` sort" },
            { "projects/1/deployments?finished_after=2025-01-01&status=success&order_by=id", "`finished_at` filter requires `finished_at` sort." },
            { "projects/1/deployments?order_by=finished_at", "`finished_at` sort requires `finished_at` filter or a filter with at least one of the finished statuses." },
            { "projects/1/deployments?finished_after=2025-01-01&order_by=finished_at&status=failed", "`finished_at` filter must be combined with `success` status filter." },
            { "groups/1/deployments?environment=production", "`environment` name filter must be combined with `project` scope." },
            { "groups/1/deployments?status=created&status=success", "finished statuses and upcoming statuses must be separately queried." },
            { "projects/1/deployments?status=kittens", "The deployment status kittens is invalid" },
            { "projects/1/deployments?updated_after=last+tuesday&order_by=updated_at", "updated_after is invalid: 'last tuesday' is not an ISO 8601 date and time" },
            { "projects/1/deployments?finished_before=2025-13-45&order_by=finished_at&status=success", "finished_before is invalid: '2025-13-45' is not an ISO 8601 date and time" },
            { "projects/one/deployments", "id is invalid: 'one' is not a positive integer" },
            { "projects/1/deployments/x1", "deployment_id is invalid: 'x1' is not a positive integer" },
            { "projects/1/deployments?environment_id=-3", "environment_id is invalid: '-3' is not a positive integer" },
            { "projects/1/deployments?per_page=0", "per_page must be between 1 and 100" },
            { "projects/1/deployments?per_page=101", "per_page must be between 1 and 100" },
            { "projects/1/deployments?page=zero", "page is invalid: 'zero' is not an integer" },
            { "projects/1/deployments?page=0", "page must be between 1 and 2147483647" },
            { "projects/1/deployments?per_page=100&page=102", "page is too deep: with per_page=100 the last page served is 101; narrow the time window (updated_before or finished_before) instead" },
            { "projects/latest_deploys", "ids is missing: give one or more project ids, e.g. ids=1,2" },
            { "projects/latest_deploys?ids=1,two", "ids is invalid: 'two' is not a positive integer" },
            { "projects/1/environments_status", "sha is missing" },
            { "projects/1/environments_status?sha=abc", "sha is invalid: give the 40 hex characters of a commit id" },
        };

        public async Task InitializeAsync()
        {
            var options = new DbContextOptionsBuilder<DeploymentsDbContext>().UseNpgsql(factory.ConnectionString).Options;
            await using var db = new DeploymentsDbContext(options);
            all = await db.Deployments.AsNoTracking().Include(d => d.Environment).OrderBy(d => d.Id).ToListAsync();
        }

        public Task DisposeAsync() => Task.CompletedTask;

        [Theory]
        [MemberData(nameof(BadRequests))]
        public async Task Bad_input_is_a_400_whose_message_names_the_problem(string path, string message)
        {
            var response = await client.GetAsync("/api/v4/" + path);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(message, body.GetProperty("message").GetString());
        }

        [Theory]
        [InlineData("", "id", false)]
        [InlineData("?order_by=id&sort=desc", "id", true)]
        [InlineData("?order_by=iid&sort=asc", "id", false)]
        [InlineData("?order_by=created_at&sort=desc", "id", true)]
        [InlineData("?order_by=updated_at", "updated_at", false)]
        [InlineData("?order_by=updated_at&sort=desc", "updated_at", true)]
        [InlineData("?order_by=finished_at&status=success", "finished_at", false)]
        [InlineData("?order_by=finished_at&sort=desc&status=failed,canceled", "finished_at", true)]
        [InlineData("?order_by=nonsense&sort=sideways", "id", false)]
        public async Task Each_ordering_returns_the_project_page_in_that_order(string query, string column, bool descending)
        {
            var separator = query.Length == 0 ? "?" : "&";
            var items = await GetArrayAsync($"/api/v4/projects/3/deployments{query}{separator}per_page=100");

            var statuses = query.Contains("status=success", StringComparison.Ordinal) ? [DeploymentStatus.Success]
                : query.Contains("status=failed", StringComparison.Ordinal) ? new[] { DeploymentStatus.Failed, DeploymentStatus.Canceled }
                : null;
            var rows = all.Where(d => d.ProjectId == 3 && (statuses is null || statuses.Contains(d.Status)));
            Func<Deployment, object?> key = column switch { "updated_at" => d => d.UpdatedAt, "finished_at" => d => d.FinishedAt, _ => d => d.Id };
            var expected = (descending ? rows.OrderByDescending(key).ThenByDescending(d => d.Id) : rows.OrderBy(key).ThenBy(d => d.Id)).Take(100).Select(d => d.Id);
            Assert.Equal(expected, items.Select(i => i.GetProperty("id").GetInt64()));
        }

        [Fact]
        public async Task Items_have_GitLabs_fields_with_the_status_by_name_and_the_environment()
        {
            var item = Assert.Single(await GetArrayAsync("/api/v4/projects/2/deployments?environment=staging&sort=desc&per_page=1"));

            var row = all.Where(d => d.EnvironmentId == 5).MaxBy(d => d.Id)!;
            Assert.Equal(row.Id, item.GetProperty("id").GetInt64());
            Assert.Equal(row.Iid, item.GetProperty("iid").GetInt32());
            Assert.Equal(row.Ref, item.GetProperty("ref").GetString());
            Assert.Equal(row.Sha, item.GetProperty("sha").GetString());
            Assert.Equal(DeploymentStatuses.Name(row.Status), item.GetProperty("status").GetString());
            Assert.Equal(row.CreatedAt, item.GetProperty("created_at").GetDateTime().ToUniversalTime());
            Assert.Equal(row.UpdatedAt, item.GetProperty("updated_at").GetDateTime().ToUniversalTime());
            Assert.Equal(row.FinishedAt, item.GetProperty("finished_at").ValueKind == JsonValueKind.Null ? null : item.GetProperty("finished_at").GetDateTime().ToUniversalTime());
            Assert.Equal(5, item.GetProperty("environment").GetProperty("id").GetInt64());
            Assert.Equal("staging", item.GetProperty("environment").GetProperty("name").GetString());
        }

        [Fact]
        public async Task Time_filters_bound_the_window_with_GitLabs_inclusive_and_exclusive_ends()
        {
            var from = Epoch.AddHours(2);
            var updatedEdge = all.First(d => d.ProjectId == 1 && d.UpdatedAt > Epoch.AddHours(4)).UpdatedAt;
            var finishedEdge = all.First(d => d.ProjectId == 1 && d.Status == DeploymentStatus.Success && d.FinishedAt > Epoch.AddHours(4)).FinishedAt!.Value;
            var updated = await GetArrayAsync($"/api/v4/projects/1/deployments?order_by=updated_at&updated_after={Iso(from)}&updated_before={Iso(updatedEdge)}&per_page=100");
            var finished = await GetArrayAsync($"/api/v4/projects/1/deployments?order_by=finished_at&sort=desc&status=success&finished_after=2025-01-01T02:00:00%2B00:00&finished_before={Iso(finishedEdge)}&per_page=100");

            Assert.Equal(
                all.Where(d => d.ProjectId == 1 && d.UpdatedAt >= from && d.UpdatedAt <= updatedEdge).OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Select(d => d.Id),
                updated.Select(i => i.GetProperty("id").GetInt64()));
            Assert.Equal(
                all.Where(d => d.ProjectId == 1 && d.Status == DeploymentStatus.Success && d.FinishedAt >= from && d.FinishedAt < finishedEdge).OrderByDescending(d => d.FinishedAt).ThenByDescending(d => d.Id).Select(d => d.Id),
                finished.Select(i => i.GetProperty("id").GetInt64()));
            Assert.NotEmpty(updated);
            Assert.NotEmpty(finished);
            Assert.Equal(updatedEdge, updated[^1].GetProperty("updated_at").GetDateTime().ToUniversalTime()); // updated_before is inclusive
            Assert.DoesNotContain(finished, i => i.GetProperty("finished_at").GetDateTime().ToUniversalTime() == finishedEdge); // finished_before is not
            Assert.All(finished, i => Assert.True(i.GetProperty("finished_at").GetDateTime().ToUniversalTime() >= from)); // finished_after is inclusive
        }

        private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        [Theory]
        [InlineData(2, new long[] { 2, 3, 4 })]
        [InlineData(1, new long[] { 1, 2, 3, 4, 5, 6 })]
        [InlineData(10, new long[] { 6 })]
        public async Task Group_deployments_include_every_subgroup(long groupId, long[] projects)
        {
            var first = await GetArrayAsync($"/api/v4/groups/{groupId}/deployments?sort=desc&per_page=30");
            var second = await GetArrayAsync($"/api/v4/groups/{groupId}/deployments?sort=desc&per_page=30&page=2");

            var expected = all.Where(d => projects.Contains(d.ProjectId)).OrderByDescending(d => d.Id).Take(60).Select(d => d.Id);
            Assert.Equal(expected, first.Concat(second).Select(i => i.GetProperty("id").GetInt64()));
        }

        [Fact]
        public async Task Latest_deploys_for_several_projects_and_environments_in_Sentrys_shape()
        {
            var response = await GetArrayAsync("/api/v4/projects/latest_deploys?ids=1,5,3,999");

            Assert.Equal(["1", "5", "3", "999"], response.Select(p => p.GetProperty("id").GetString()));
            Assert.Equal(JsonValueKind.Null, response[3].GetProperty("latestDeploys").ValueKind);
            foreach (var project in response.Take(3))
            {
                var deploys = project.GetProperty("latestDeploys");
                Assert.Equal(["production", "staging", "review/main"], deploys.EnumerateObject().Select(p => p.Name).OrderBy(n => n == "production" ? 0 : n == "staging" ? 1 : 2));
                foreach (var environment in deploys.EnumerateObject())
                {
                    Assert.Matches(@"^v1\.\d+\.0$", environment.Value.GetProperty("version").GetString());
                    Assert.True(environment.Value.GetProperty("dateFinished").GetDateTime() > Epoch);
                }
            }

            // Project 1's production: its newest deployment is referenced only by its oldest release row, outside the 10 looked at.
            var production = response[0].GetProperty("latestDeploys").GetProperty("production");
            Assert.Equal("v1.15.0", production.GetProperty("version").GetString());
            Assert.Equal(Epoch.AddMinutes(5 + (24 * 29)), production.GetProperty("dateFinished").GetDateTime().ToUniversalTime());
        }

        [Theory]
        [InlineData("/api/v4/projects/3/deployments?per_page={0}")]
        [InlineData("/api/v4/projects/3/deployments?per_page={0}&environment=staging&order_by=updated_at&updated_after=2025-01-01T00:00:00Z")]
        [InlineData("/api/v4/groups/1/deployments?per_page={0}&status=success&order_by=finished_at&finished_after=2025-01-01T00:00:00Z&sort=desc")]
        public async Task A_requests_query_count_does_not_grow_with_the_rows_it_returns(string template)
        {
            var one = await CountedAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, 1));
            var hundred = await CountedAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, 100));

            Assert.Equal(1, one.Rows);
            Assert.True(hundred.Rows > 30, $"{hundred.Rows} rows");
            Assert.Equal(2, one.Commands); // the scope's existence, then the page
            Assert.Equal(one.Commands, hundred.Commands);
        }

        [Fact]
        public async Task Latest_deploys_and_environments_status_take_the_same_statements_for_more_projects_and_environments()
        {
            var one = await CountedAsync("/api/v4/projects/latest_deploys?ids=1");
            var many = await CountedAsync("/api/v4/projects/latest_deploys?ids=1,2,3,4,5,6,7,8");

            Assert.Equal((1, 1), (one.Rows, one.Commands));
            Assert.Equal((8, 1), (many.Rows, many.Commands));
        }

        [Fact]
        public async Task Descendant_groups_and_environments_status()
        {
            var groups = await GetArrayAsync("/api/v4/groups/2/descendant_groups");
            var missing = await client.GetAsync("/api/v4/groups/404/descendant_groups");
            var sha = all.Single(d => d.Id == (24 * 5) + 4).Sha;
            var status = await GetArrayAsync($"/api/v4/projects/2/environments_status?sha={sha.ToUpperInvariant()}");

            Assert.Equal([3L, 4, 5, 6, 7, 8], groups.Select(g => g.GetProperty("id").GetInt64()));
            Assert.Equal("l8", groups[^1].GetProperty("path").GetString());
            Assert.Equal(7, groups[^1].GetProperty("parent_id").GetInt64());
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal(["production", "staging"], status.Select(e => e.GetProperty("name").GetString()));
            Assert.All(status, e => Assert.Equal(e.GetProperty("id").GetInt64() + (24 * 39), e.GetProperty("last_deployment").GetProperty("id").GetInt64()));
        }

        [Fact]
        public async Task Create_read_and_finish_a_deployment()
        {
            var sha = new string('c', 40);
            var created = await client.PostAsJsonAsync("/api/v4/projects/8/deployments", new { environment = "canary", sha, @ref = "main", status = "running" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var deployment = await created.Content.ReadFromJsonAsync<JsonElement>();
            var id = deployment.GetProperty("id").GetInt64();
            Assert.Equal(all.Where(d => d.ProjectId == 8).Max(d => d.Iid) + 1, deployment.GetProperty("iid").GetInt32());
            Assert.Equal("running", deployment.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, deployment.GetProperty("finished_at").ValueKind);
            Assert.Equal("canary", deployment.GetProperty("environment").GetProperty("name").GetString());

            var finished = await client.PutAsJsonAsync($"/api/v4/projects/8/deployments/{id}", new { status = "success" });
            Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
            var read = await client.GetFromJsonAsync<JsonElement>($"/api/v4/projects/8/deployments/{id}");
            Assert.Equal("success", read.GetProperty("status").GetString());
            Assert.Equal(read.GetProperty("updated_at").GetDateTime(), read.GetProperty("finished_at").GetDateTime());

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v4/projects/1/deployments/{id}")).StatusCode); // another project's
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/v4/projects/8/deployments/999999", new { status = "failed" })).StatusCode);
            var bad = await client.PostAsJsonAsync("/api/v4/projects/8/deployments", new { environment = "canary", sha = "nope", @ref = "main", status = "running" });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var badStatus = await client.PutAsJsonAsync($"/api/v4/projects/8/deployments/{id}", new { status = "kittens" });
            Assert.Equal("The deployment status kittens is invalid", (await badStatus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        }

        [Fact]
        public async Task Concurrent_creations_in_one_project_get_distinct_iids_and_never_a_500()
        {
            var sha = new string('d', 40);
            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
                client.PostAsJsonAsync("/api/v4/projects/8/deployments", new { environment = "canary", sha, @ref = "main", status = "running" })));

            foreach (var response in responses)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            var iids = new List<int>();
            foreach (var response in responses)
            {
                iids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("iid").GetInt32());
            }

            Assert.Equal(iids.Count, iids.Distinct().Count());
        }

        [Fact]
        public async Task Health_reports_the_database()
        {
            var health = await client.GetFromJsonAsync<JsonElement>("/health");

            Assert.Equal("ok", health.GetProperty("status").GetString());
            Assert.Equal("postgresql", health.GetProperty("database").GetString());
        }

        private async Task<(int Rows, int Commands)> CountedAsync(string url)
        {
            factory.Commands.Reset();
            var rows = (await GetArrayAsync(url)).Count;
            return (rows, factory.Commands.Count);
        }

        private async Task<List<JsonElement>> GetArrayAsync(string url)
        {
            var response = await client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        }
    }
}
