using System.IO;
using System.Threading.Tasks;
using Sargable.Testing;

namespace Sargable.Testing.Tests
{
    public sealed class PrivateClusterTests
    {
        [Fact]
        public async Task A_private_cluster_lives_in_this_runs_folder_and_answers_on_loopback()
        {
            var server = await PostgresServer.GetSharedAsync();
            if (!server.IsPrivate)
            {
                // SARGABLE_PG names an external server: there is no private cluster to inspect.
                Assert.Null(server.ClusterDirectory);
                return;
            }

            Assert.NotNull(server.ClusterDirectory);
            Assert.True(Directory.Exists(Path.Combine(server.ClusterDirectory!, "data")));
            Assert.Contains("Host=127.0.0.1", server.AdminConnectionString, System.StringComparison.Ordinal);
            var stamp = await File.ReadAllTextAsync(Path.Combine(server.ClusterDirectory!, "owner"));
            Assert.StartsWith(System.Environment.ProcessId + " ", stamp, System.StringComparison.Ordinal);
        }

        [Fact]
        [System.Runtime.Versioning.SupportedOSPlatform("linux")]
        public void A_folder_left_by_a_dead_owner_is_removed()
        {
            Directory.CreateDirectory(PrivateCluster.BaseDirectory);
            var stale = Path.Combine(PrivateCluster.BaseDirectory, "run-999999999-stale-test");
            Directory.CreateDirectory(Path.Combine(stale, "data"));
            File.WriteAllText(Path.Combine(stale, "owner"), "999999999 12345");

            PrivateCluster.RemoveStaleClusters();

            Assert.False(Directory.Exists(stale));
        }
    }
}
