using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace Sargable.Internal
{
    /// <summary>
    /// One finding of one statement as the guard reports it outside the logs: the <see cref="SargableFindingEvent"/>
    /// payload, the metric tags and the trace event tags, each built once and shared by every execution.
    /// </summary>
    internal sealed class FindingSignal
    {
        private ActivityTagsCollection? eventTags;

        public FindingSignal(SargableFindingEvent payload, KeyValuePair<string, object?>[] metricTags)
        {
            Payload = payload;
            MetricTags = metricTags;
        }

        public Finding Finding => Payload.Finding;

        public bool FromPlan => Payload.FromPlan;

        public SargableFindingEvent Payload { get; }

        /// <summary>The <c>sargable.findings</c> tags: rule, table, database system, query summary, mode. Bounded values only.</summary>
        public KeyValuePair<string, object?>[] MetricTags { get; }

        /// <summary>
        /// The trace event's tags: the payload's plus the metric tags. Built on the first recorded span and shared after
        /// that, as nothing writes to an event's tags once it is added.
        /// </summary>
        public ActivityTagsCollection EventTags
        {
            get
            {
                var tags = Volatile.Read(ref eventTags);
                if (tags is null)
                {
                    tags = new ActivityTagsCollection(Payload.Tags());
                    foreach (var tag in MetricTags)
                    {
                        tags[tag.Key] = tag.Value;
                    }

                    tags = Interlocked.CompareExchange(ref eventTags, tags, null) ?? tags;
                }

                return tags;
            }
        }
    }
}
