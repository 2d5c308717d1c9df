using System;
using System.Text;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>
    /// Rules every string the API accepts goes through, so bad text is a 400 naming the field before any SQL runs:
    /// PostgreSQL rejects U+0000 in text (22021) and an unpaired surrogate cannot be encoded as UTF-8.
    /// </summary>
    /// <remarks>
    /// Lengths are counted in Unicode code points, not UTF-16 units: an emoji or a CJK character outside the BMP is one
    /// character, as a person counts it, while the stored size stays bounded (at most 4 bytes each in UTF-8). A
    /// sequence a person sees as one symbol but that is made of several code points (a flag, a family emoji joined by
    /// U+200D, a letter with a separate combining accent) counts as its code points.
    /// </remarks>
    internal static class TextInput
    {
        /// <summary>The longest environment name, in code points (GitLab's 255).</summary>
        public const int MaxEnvironmentLength = 255;

        /// <summary>The longest ref, in code points. Git caps a ref's path component at 255 bytes; 1,024 leaves room for nested refs.</summary>
        public const int MaxRefLength = 1024;

        /// <summary>Throws a 400 naming <paramref name="field"/> when the text holds U+0000 or an unpaired surrogate.</summary>
        public static void RequireClean(string field, string? value)
        {
            if (value is null)
            {
                return;
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ApiError($"{field} is invalid: it contains a NUL character (U+0000)");
            }

            if (!IsWellFormed(value))
            {
                throw new ApiError($"{field} is invalid: it contains an unpaired UTF-16 surrogate");
            }
        }

        /// <summary>Throws a 400 when <paramref name="value"/> (already clean) is longer than <paramref name="max"/> code points.</summary>
        public static void RequireLength(string field, string value, int max)
        {
            var length = CodePoints(value);
            if (length > max)
            {
                throw new ApiError($"{field} is too long: {length} characters, {max} at most");
            }
        }

        /// <summary>Code points of well-formed text.</summary>
        public static int CodePoints(string value)
        {
            var count = 0;
            foreach (var rune in value.EnumerateRunes())
            {
                count++;
            }

            return count;
        }

        /// <summary>The name as stored and looked up: surrounding white space removed, on reads and writes alike; null when nothing is left.</summary>
        public static string? EnvironmentName(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        private static bool IsWellFormed(string value)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                if (Rune.DecodeFromUtf16(rest, out _, out var used) != System.Buffers.OperationStatus.Done)
                {
                    return false;
                }

                rest = rest[used..];
            }

            return true;
        }
    }
}
