using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace Sargable.Caching
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

            // Four independent lanes keep the multipliers busy in parallel instead of waiting on one long chain.
            const ulong prime1 = 0x9E3779B97F4A7C15UL;
            const ulong prime2 = 0xC2B2AE3D27D4EB4FUL;
            ulong h0 = seed, h1 = seed ^ prime1, h2 = seed ^ prime2, h3 = seed + prime1 + prime2;
            fixed (char* start = text)
            {
                var p = (ulong*)start;
                var words = text.Length / 4;
                var i = 0;
                for (; i + 4 <= words; i += 4)
                {
                    h0 = Rotate((h0 ^ p[i]) * prime1);
                    h1 = Rotate((h1 ^ p[i + 1]) * prime1);
                    h2 = Rotate((h2 ^ p[i + 2]) * prime1);
                    h3 = Rotate((h3 ^ p[i + 3]) * prime1);
                }

                for (; i < words; i++)
                {
                    h0 = Rotate((h0 ^ p[i]) * prime2);
                }

                var tail = (char*)(p + words);
                for (var c = words * 4; c < text.Length; c++)
                {
                    h1 = Rotate((h1 ^ *tail++) * prime2);
                }
            }

            var hash = (ulong)text.Length * prime2;
            hash = Mix(hash ^ h0);
            hash = Mix(hash ^ h1);
            hash = Mix(hash ^ h2);
            hash = Mix(hash ^ h3);
            return (int)(hash ^ (hash >> 32));
        }

        private static ulong Rotate(ulong value) => (value << 31) | (value >> 33);

        private static ulong Mix(ulong value)
        {
            value *= 0xBF58476D1CE4E5B9UL;
            return value ^ (value >> 29);
        }
    }
}
