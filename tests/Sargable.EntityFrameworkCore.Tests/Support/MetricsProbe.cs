using System;
using System.Collections.Generic;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Sargable.EntityFrameworkCore.Tests.Support
{
    /// <summary>One exported series: instrument, tags, and its cumulative sum (counters) or count (histograms).</summary>
    public sealed record MetricSeries(string Instrument, string? Unit, IReadOnlyDictionary<string, object?> Tags, long Sum, long Count)
    {
        public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? value?.ToString() : null;

        public override string ToString() => $"{Instrument}{{{string.Join(", ", Tags.Select(t => t.Key + "=" + t.Value))}}} sum={Sum} count={Count}";
    }

    /// <summary>
    /// An OpenTelemetry MeterProvider listening to the guard's meter with the in-memory exporter, as an application
    /// configures it. Meters are process-wide: tests that use it run in <see cref="MetricsCollection"/>, never beside others.
    /// </summary>
    public sealed class MetricsProbe : IDisposable
    {
        private readonly List<MetricSnapshot> exported = new();
        private readonly MeterProvider provider;

        public MetricsProbe()
        {
            provider = Sdk.CreateMeterProviderBuilder()
                .AddMeter(SargableDiagnostics.MeterName)
                .AddInMemoryExporter(exported)
                .Build();
        }

        /// <summary>Flushes and returns every series recorded since the probe started (cumulative).</summary>
        public IReadOnlyList<MetricSeries> Collect()
        {
            exported.Clear();
            if (!provider.ForceFlush())
            {
                throw new InvalidOperationException("The MeterProvider did not flush.");
            }

            var series = new List<MetricSeries>();
            foreach (var metric in exported)
            {
                foreach (var point in metric.MetricPoints)
                {
                    var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var tag in point.Tags)
                    {
                        tags[tag.Key] = tag.Value;
                    }

                    var histogram = metric.MetricType == MetricType.Histogram;
                    series.Add(new MetricSeries(metric.Name, metric.Unit, tags, histogram ? 0 : point.GetSumLong(), histogram ? point.GetHistogramCount() : 0));
                }
            }

            return series;
        }

        public void Dispose() => provider.Dispose();
    }

    /// <summary>Tests that listen to or assert on the process-wide meter: they run alone, after the parallel ones.</summary>
    [CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
    public sealed class MetricsCollection
    {
    }
}
