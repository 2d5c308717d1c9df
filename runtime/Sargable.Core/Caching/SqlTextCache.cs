using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Sargable.Caching
{
    /// <summary>
    /// A bounded, thread-safe map from SQL text to what is known about the statement (a verdict, or a front-end's richer
    /// per-statement state). Two generations: lookups hit the young one, then the old one (promoting the entry); when the
    /// young one fills up it becomes the old one and the previous old one is dropped. So memory stays within
    /// <see cref="Capacity"/> entries however many distinct statements arrive, and statements still in use survive each
    /// turnover. Keys are hashed with <see cref="SqlTextComparer"/>, which reads long SQL texts eight bytes at a time.
    /// </summary>
    public sealed class SqlTextCache<TValue>
        where TValue : class
    {
        /// <summary>Capacity when none is given: 10,000 statements.</summary>
        public const int DefaultCapacity = 10_000;

        private readonly object rotateLock = new();
        private readonly int generationSize;
        private Generation young = new();
        private Generation old = new();
        private long turnovers;

        /// <summary>A cache holding at most about <paramref name="capacity"/> statements (at least 2).</summary>
        public SqlTextCache(int capacity = DefaultCapacity)
        {
            if (capacity < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The SQL text cache needs room for at least 2 statements.");
            }

            Capacity = capacity;
            generationSize = capacity / 2;
        }

        /// <summary>The most entries the cache holds (two generations of half each).</summary>
        public int Capacity { get; }

        /// <summary>Entries held now (never more than <see cref="Capacity"/>, give or take one per racing thread).</summary>
        public int Count => Volatile.Read(ref young).Count + Volatile.Read(ref old).Count;

        /// <summary>Times the young generation filled up and the oldest entries were dropped.</summary>
        public long Turnovers => Interlocked.Read(ref turnovers);

        /// <summary>Looks up <paramref name="sql"/>; true with its value when cached.</summary>
        public bool TryGet(string sql, out TValue value)
        {
            if (sql is null)
            {
                throw new ArgumentNullException(nameof(sql));
            }

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

        /// <summary>Returns the cached value or computes, stores and returns it. The factory may run twice under a race; one result wins.</summary>
        public TValue GetOrAdd(string sql, Func<string, TValue> factory)
        {
            if (factory is null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            return TryGet(sql, out var value) ? value : Add(sql, factory(sql));
        }

        /// <summary>Stores <paramref name="value"/> unless another thread stored one first; returns the stored one.</summary>
        public TValue Add(string sql, TValue value)
        {
            if (sql is null)
            {
                throw new ArgumentNullException(nameof(sql));
            }

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

        /// <summary>Every value held now (for diagnostics and tests).</summary>
        public IReadOnlyList<TValue> Snapshot() =>
            Volatile.Read(ref young).Map.Values.Concat(Volatile.Read(ref old).Map.Values).Distinct().ToList();

        private sealed class Generation
        {
            public readonly ConcurrentDictionary<string, TValue> Map = new(SqlTextComparer.Instance);
            public int Count;
        }
    }
}
