using System;
using System.Collections.Generic;
using System.Threading;

namespace Sargable.Analyzers
{
    /// <summary>
    /// A set of identifiers found in source text as whole words in one pass. Each maximal run of identifier characters is
    /// hashed as it is read and looked up, so a scan costs the same for 10 words or 1,000 (one ordinal search per word over
    /// every tree was a tenth of the analyzers' time on a 500-file project), and nothing is allocated per word read.
    /// A match in a comment or a string counts: callers that need a token check the tree at the position.
    /// </summary>
    internal sealed class WordSet
    {
        private static readonly bool[] AsciiIdentifierPart = AsciiTable();

        private readonly string[] words;
        private readonly int[] flags;
        private readonly int[] buckets;
        private readonly int[] next;

        /// <summary>Bit n set when a word has length n (63: 63 or more), so most words read are rejected before hashing them up.</summary>
        private readonly long lengths;

        /// <param name="entries">Each word with the flags it carries; a word given twice carries both flags.</param>
        public WordSet(IEnumerable<KeyValuePair<string, int>> entries)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var wordList = new List<string>();
            var flagList = new List<int>();
            foreach (var entry in entries)
            {
                if (index.TryGetValue(entry.Key, out var id))
                {
                    flagList[id] |= entry.Value;
                }
                else
                {
                    index.Add(entry.Key, wordList.Count);
                    wordList.Add(entry.Key);
                    flagList.Add(entry.Value);
                }
            }

            words = wordList.ToArray();
            flags = flagList.ToArray();
            var size = 16;
            while (size < words.Length * 2)
            {
                size *= 2;
            }

            buckets = new int[size];
            next = new int[words.Length];
            for (var id = 0; id < words.Length; id++)
            {
                var word = words[id];
                var bucket = Hash(word, 0, word.Length) & (size - 1);
                next[id] = buckets[bucket] - 1;
                buckets[bucket] = id + 1;
                lengths |= 1L << Math.Min(word.Length, 63);
            }
        }

        public int Count => words.Length;

        public int FlagsOf(int id) => flags[id];

        public string WordOf(int id) => words[id];

        /// <summary>
        /// Adds the start of every whole-word occurrence of a word carrying any of <paramref name="anyOf"/> flags to
        /// <paramref name="positions"/> (and its id to <paramref name="ids"/>), in text order.
        /// </summary>
        public void Scan(string text, int anyOf, List<int> positions, List<int>? ids, CancellationToken cancellationToken)
        {
            // Locals, not fields, in the loop: it runs once per character of every tree, several times per compilation.
            var buckets = this.buckets;
            var mask = buckets.Length - 1;
            var lengths = this.lengths;
            var length = text.Length;
            var at = 0;
            var checkAt = 0;
            while (at < length)
            {
                if (!IsIdentifierPart(text[at]))
                {
                    at++;
                    continue;
                }

                var start = at;
                var hash = 0;
                while (at < length && IsIdentifierPart(text[at]))
                {
                    hash = unchecked((hash * 31) + text[at]);
                    at++;
                }

                var wordLength = at - start;
                if ((lengths & (1L << Math.Min(wordLength, 63))) != 0)
                {
                    for (var id = buckets[hash & mask] - 1; id >= 0; id = next[id])
                    {
                        if ((flags[id] & anyOf) != 0 && Equals(words[id], text, start, wordLength))
                        {
                            positions.Add(start);
                            ids?.Add(id);
                            break;
                        }
                    }
                }

                if (at >= checkAt)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    checkAt = at + 65536;
                }
            }
        }

        // '@' prefixes a verbatim identifier (@Set) and is not part of the name, so it counts as a boundary.
        internal static bool IsIdentifierPart(char c) => c < 128 ? AsciiIdentifierPart[c] : char.IsLetterOrDigit(c);

        private static bool[] AsciiTable()
        {
            var table = new bool[128];
            for (var c = 0; c < 128; c++)
            {
                table[c] = char.IsLetterOrDigit((char)c) || c == '_';
            }

            return table;
        }

        private static int Hash(string text, int start, int length)
        {
            var hash = 0;
            for (var i = start; i < start + length; i++)
            {
                hash = unchecked((hash * 31) + text[i]);
            }

            return hash;
        }

        private static bool Equals(string word, string text, int start, int length)
        {
            if (word.Length != length)
            {
                return false;
            }

            for (var i = 0; i < length; i++)
            {
                if (word[i] != text[start + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
