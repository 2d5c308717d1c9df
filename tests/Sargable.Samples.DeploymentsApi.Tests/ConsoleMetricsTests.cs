using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Sargable.Samples.DeploymentsApi.Tests
{
    /// <summary>The sample's <c>--otel-console</c> switch.</summary>
    public sealed class ConsoleMetricsTests
    {
        [Fact]
        public void The_switch_is_taken_out_of_the_host_arguments_and_the_rest_stay_in_order()
        {
            var (hostArgs, enabled) = ConsoleMetrics.Take(["--postgres", "Host=db", ConsoleMetrics.Switch, "--urls", "http://localhost:5080"]);

            Assert.True(enabled);
            Assert.Equal(["--postgres", "Host=db", "--urls", "http://localhost:5080"], hostArgs);
        }

        [Fact]
        public void Without_the_switch_nothing_changes()
        {
            var (hostArgs, enabled) = ConsoleMetrics.Take(["--urls", "http://localhost:5080"]);

            Assert.False(enabled);
            Assert.Equal(["--urls", "http://localhost:5080"], hostArgs);
        }

        [Fact]
        public async Task With_the_switch_the_started_host_listens_to_the_Sargable_meter()
        {
            var builder = Host.CreateApplicationBuilder();
            ConsoleMetrics.AddTo(builder.Services);
            using var host = builder.Build();
            using var meter = new Meter(SargableDiagnostics.MeterName);
            var probe = meter.CreateCounter<long>("sargable.test.probe");
            Assert.False(probe.Enabled);

            await host.StartAsync();
            try
            {
                Assert.True(probe.Enabled);
            }
            finally
            {
                await host.StopAsync();
            }
        }
    }
}
