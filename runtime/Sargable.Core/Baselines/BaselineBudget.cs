using System.Collections.Generic;
using System.Linq;

namespace Sargable.Baselines
{
    /// <summary>
    /// Matches findings against a baseline: a key with count N absorbs the first N findings with that key; any more are
    /// new. Thread-safe, because the analyzers report concurrently.
    /// </summary>
    public sealed class BaselineBudget
    {
        private readonly object gate = new();
        private readonly Dictionary<BaselineKey, int> remaining;

        internal BaselineBudget(IReadOnlyDictionary<BaselineKey, int> counts) => remaining = counts.ToDictionary(p => p.Key, p => p.Value);

        /// <summary>True (and one fewer left) when the baseline still accepts a finding with <paramref name="key"/>.</summary>
        public bool TryConsume(BaselineKey key)
        {
            lock (gate)
            {
                if (!remaining.TryGetValue(key, out var left) || left == 0)
                {
                    return false;
                }

                remaining[key] = left - 1;
                return true;
            }
        }

        /// <summary>Accepted findings that no finding matched: fixed (or changed) since the baseline was written.</summary>
        public int Unmatched
        {
            get
            {
                lock (gate)
                {
                    return remaining.Values.Sum();
                }
            }
        }
    }
}
