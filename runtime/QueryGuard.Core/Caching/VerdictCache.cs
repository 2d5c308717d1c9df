using System;
using System.Collections.Concurrent;
using System.Threading;

namespace QueryGuard.Caching
{
    /// <summary>
    /// A bounded, thread-safe cache of verdicts by statement text. Two generations: lookups hit the young one, then the
    /// old one (promoting the entry); when the young one fills up it becomes the old one and the previous old one is
    /// dropped. So memory stays within <see cref="Capacity"/> entries however many distinct statements arrive, and
    /// statements still in use survive each turnover.
    /// </summary>
    public sealed class VerdictCache
    {
        public const int DefaultCapacity = 10_000;

        private readonly object rotateLock = new();
        private readonly int generationSize;
        private Generation young;
        private Generation old;

        public VerdictCache(int capacity = DefaultCapacity)
        {
            if (capacity < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The verdict cache needs room for at least 2 statements.");
            }

            Capacity = capacity;
            generationSize = capacity / 2;
            young = new Generation();
            old = new Generation();
        }

        public int Capacity { get; }

        /// <summary>Entries held now (never more than <see cref="Capacity"/>).</summary>
        public int Count => Volatile.Read(ref young).Count + Volatile.Read(ref old).Count;

        /// <summary>Times the young generation filled up and the oldest entries were dropped.</summary>
        public long Turnovers { get; private set; }

        public bool TryGet(string sql, out StatementVerdict verdict)
        {
            if (sql is null)
            {
                throw new ArgumentNullException(nameof(sql));
            }

            if (Volatile.Read(ref young).Map.TryGetValue(sql, out verdict!))
            {
                return true;
            }

            if (Volatile.Read(ref old).Map.TryGetValue(sql, out verdict!))
            {
                Add(sql, verdict);
                return true;
            }

            return false;
        }

        /// <summary>Returns the cached verdict or computes, stores and returns it. The factory may run twice under a race.</summary>
        public StatementVerdict GetOrAdd(string sql, Func<string, StatementVerdict> factory)
        {
            if (factory is null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            if (TryGet(sql, out var verdict))
            {
                return verdict;
            }

            verdict = factory(sql);
            Add(sql, verdict);
            return verdict;
        }

        private void Add(string sql, StatementVerdict verdict)
        {
            var generation = Volatile.Read(ref young);
            if (generation.Map.TryAdd(sql, verdict) && Interlocked.Increment(ref generation.Count) >= generationSize)
            {
                lock (rotateLock)
                {
                    if (ReferenceEquals(generation, young))
                    {
                        Volatile.Write(ref old, generation);
                        Volatile.Write(ref young, new Generation());
                        Turnovers++;
                    }
                }
            }
        }

        private sealed class Generation
        {
            public readonly ConcurrentDictionary<string, StatementVerdict> Map = new(SqlTextComparer.Instance);
            public int Count;
        }
    }
}
