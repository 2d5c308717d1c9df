using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace QueryGuard.Internal
{
    /// <summary>
    /// A bounded, thread-safe map from command text to what the guard knows about the statement. Two generations, as in
    /// Core's VerdictCache: lookups hit the young one, then the old one (promoting the entry); when the young one fills
    /// up it becomes the old one and the previous old one is dropped. Memory stays within <see cref="Capacity"/> entries
    /// however many distinct unparameterized statements arrive, and statements still in use survive each turnover.
    /// (Its own type rather than VerdictCache because each entry also carries per-statement state: what was logged,
    /// the plan verdict.)
    /// </summary>
    internal sealed class StatementCache<TValue>
        where TValue : class
    {
        private readonly object rotateLock = new();
        private readonly int generationSize;
        private Generation young = new();
        private Generation old = new();
        private long turnovers;

        public StatementCache(int capacity)
        {
            if (capacity < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The cache needs room for at least 2 statements.");
            }

            Capacity = capacity;
            generationSize = capacity / 2;
        }

        public int Capacity { get; }

        /// <summary>Entries held now; never more than <see cref="Capacity"/>.</summary>
        public int Count => Volatile.Read(ref young).Count + Volatile.Read(ref old).Count;

        public long Turnovers => Interlocked.Read(ref turnovers);

        public bool TryGet(string sql, out TValue value)
        {
            if (Volatile.Read(ref young).Map.TryGetValue(sql, out value!))
            {
                return true;
            }

            if (Volatile.Read(ref old).Map.TryGetValue(sql, out value!))
            {
                value = Add(sql, value);
                return true;
            }

            return false;
        }

        /// <summary>Every entry held now (for diagnostics and tests).</summary>
        public IReadOnlyList<TValue> Snapshot() =>
            Volatile.Read(ref young).Map.Values.Concat(Volatile.Read(ref old).Map.Values).Distinct().ToList();

        /// <summary>Stores <paramref name="value"/> unless another thread stored one first; returns the stored one.</summary>
        public TValue Add(string sql, TValue value)
        {
            var generation = Volatile.Read(ref young);
            var stored = generation.Map.GetOrAdd(sql, value);
            if (ReferenceEquals(stored, value) && Interlocked.Increment(ref generation.Count) >= generationSize)
            {
                lock (rotateLock)
                {
                    if (ReferenceEquals(generation, young))
                    {
                        Volatile.Write(ref old, generation);
                        Volatile.Write(ref young, new Generation());
                        Interlocked.Increment(ref turnovers);
                    }
                }
            }

            return stored;
        }

        private sealed class Generation
        {
            public readonly ConcurrentDictionary<string, TValue> Map = new(StringComparer.Ordinal);
            public int Count;
        }
    }
}
