using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Sargable.Internal
{
    /// <summary>
    /// The guard's OpenTelemetry instruments on the <see cref="SargableDiagnostics.MeterName"/> meter, one per process:
    /// every guard (every options instance) adds to the same series, and the collector sums across processes.
    /// Attribute names follow the OpenTelemetry database semantic conventions where one exists (<c>db.*</c>).
    /// </summary>
    internal static class GuardMetrics
    {
        public const string Rule = "sargable.rule";
        public const string Mode = "sargable.mode";
        public const string Outcome = "sargable.outcome";
        public const string Explain = "sargable.explain";
        public const string CollectionName = "db.collection.name";
        public const string SystemName = "db.system.name";
        public const string QuerySummary = "db.query.summary";

        /// <summary>The collection value for a table the registry does not know, so raw SQL cannot mint new series.</summary>
        public const string OtherTable = "_OTHER";

        // A first check parses in tens of microseconds; one with EXPLAIN takes a round trip, a slow plan up to seconds.
        private static readonly double[] DurationBuckets = { 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5 };

        private static readonly object True = true;
        private static readonly object False = false;

        public static readonly Meter Meter = new(SargableDiagnostics.MeterName, typeof(GuardMetrics).Assembly.GetName().Version?.ToString());

        public static readonly Counter<long> Findings = Meter.CreateCounter<long>(
            SargableDiagnostics.FindingsInstrumentName,
            "{finding}",
            "Executions of a command with a finding that was not allowed, one per finding; in Throw mode the command was stopped.");

        public static readonly Counter<long> Statements = Meter.CreateCounter<long>(
            SargableDiagnostics.StatementsInstrumentName,
            "{statement}",
            "Distinct statements the guard checked, by outcome (clean, finding, not_checked, allowed); counted once per statement and guard.");

        public static readonly Histogram<double> CheckDuration = Meter.CreateHistogram<double>(
            SargableDiagnostics.CheckDurationInstrumentName,
            "s",
            "Time the guard spent on the first sight of a statement: parsing and rules, and EXPLAIN when VerifyWithExplain is on.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

        /// <summary>The <c>db.system.name</c> value of a database kind.</summary>
        public static string SystemOf(DatabaseKind kind) => kind switch
        {
            DatabaseKind.PostgreSql => "postgresql",
            DatabaseKind.Sqlite => "sqlite",
            _ => "other_sql",
        };

        public static string ModeOf(SargableMode mode) => mode switch
        {
            SargableMode.Throw => "throw",
            SargableMode.Off => "off",
            _ => "log",
        };

        /// <summary>Records one distinct statement's outcome.</summary>
        public static void RecordStatement(string outcome, string system)
        {
            if (Statements.Enabled)
            {
                Statements.Add(1, new KeyValuePair<string, object?>(Outcome, outcome), new KeyValuePair<string, object?>(SystemName, system));
            }
        }

        /// <summary>Records the time of a first sight, from <paramref name="startedTimestamp"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
        public static void RecordCheck(long startedTimestamp, string system, bool explained)
        {
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(startedTimestamp);
            CheckDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(SystemName, system), new KeyValuePair<string, object?>(Explain, explained ? True : False));
        }
    }
}
