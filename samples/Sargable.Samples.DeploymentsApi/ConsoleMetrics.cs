using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Sargable;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>
    /// <c>--otel-console</c>: the guard's OpenTelemetry metrics (docs/observability.md) printed by the console exporter,
    /// so the instruments can be seen without a collector. A production app swaps the exporter for OTLP.
    /// </summary>
    internal static class ConsoleMetrics
    {
        public const string Switch = "--otel-console";

        /// <summary>Seconds between exports: short, so a request's metrics show while one watches.</summary>
        public const int ExportIntervalSeconds = 10;

        /// <summary>
        /// The arguments for the host without the switch, and whether it was given. Taken out because the host's
        /// command-line configuration would read the next argument as its value.
        /// </summary>
        public static (string[] HostArgs, bool Enabled) Take(string[] args)
        {
            ArgumentNullException.ThrowIfNull(args);
            var enabled = args.Contains(Switch, StringComparer.Ordinal);
            return (args.Where(a => !string.Equals(a, Switch, StringComparison.Ordinal)).ToArray(), enabled);
        }

        /// <summary>A MeterProvider listening to the <c>Sargable</c> meter, exporting to the console, started with the host.</summary>
        public static void AddTo(IServiceCollection services) =>
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("Sargable.Samples.DeploymentsApi"))
                .WithMetrics(metrics => metrics
                    .AddMeter(SargableDiagnostics.MeterName)
                    .AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = ExportIntervalSeconds * 1000));
    }
}
