using System;
using System.Collections.Generic;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Sargable.Benchmarks.Runtime
{
    /// <summary>
    /// An OpenTelemetry MeterProvider listening to the guard's meter, as an application exporting its metrics has one
    /// (in-memory exporter, default periodic reader), so a benchmark can compare the guard with and without a listener.
    /// </summary>
    public sealed class MetricsListening : IDisposable
    {
        private readonly List<Metric> exported = new();
        private readonly MeterProvider provider;

        private MetricsListening()
        {
            provider = Sdk.CreateMeterProviderBuilder()
                .AddMeter(SargableDiagnostics.MeterName)
                .AddInMemoryExporter(exported)
                .Build();
        }

        /// <summary>A listener when <paramref name="listen"/> is true, else null.</summary>
        public static MetricsListening? StartIf(bool listen) => listen ? new MetricsListening() : null;

        public void Dispose() => provider.Dispose();
    }
}
