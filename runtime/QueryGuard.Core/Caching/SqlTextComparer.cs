using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace QueryGuard.Caching
{
    /// <summary>
    /// Ordinal string comparer with a fast, per-process seeded hash. SQL texts are long (hundreds of characters) and are
    /// hashed on every executed command, so the hash reads eight bytes at a time; the random seed keeps a flood of crafted
    /// statements from piling into one bucket.
    /// </summary>
    internal sealed class SqlTextComparer : IEqualityComparer<string>
    {
        public static readonly SqlTextComparer Instance = new();

        private readonly ulong seed;

        private SqlTextComparer()
        {
            var bytes = new byte[8];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            seed = BitConverter.ToUInt64(bytes, 0) | 1;
        }

        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public unsafe int GetHashCode(string text)
        {
            if (text is null)
            {
                return 0;
            }

            const ulong prime = 0x9E3779B97F4A7C15UL;
            var hash = seed ^ ((ulong)text.Length * prime);
            fixed (char* start = text)
            {
                var p = (ulong*)start;
                var words = text.Length / 4;
                for (var i = 0; i < words; i++)
                {
                    hash = Mix(hash ^ p[i]);
                }

                var tail = (char*)(p + words);
                for (var i = words * 4; i < text.Length; i++)
                {
                    hash = Mix(hash ^ *tail++);
                }
            }

            return (int)(hash ^ (hash >> 32));
        }

        private static ulong Mix(ulong value)
        {
            value *= 0xBF58476D1CE4E5B9UL;
            return value ^ (value >> 29);
        }
    }
}
