using System.Text;

namespace Sargable.Sql
{
    /// <summary>Turns token text into values: case folding of names, quote undoubling and backslash/Unicode escapes.</summary>
    internal static class SqlText
    {
        /// <summary>Lower-cases ASCII letters only, as PostgreSQL folds unquoted names; returns the same string when nothing changes.</summary>
        public static string FoldCase(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if ((uint)(text[i] - 'A') <= 'Z' - 'A')
                {
                    var chars = text.ToCharArray();
                    for (var j = i; j < chars.Length; j++)
                    {
                        if ((uint)(chars[j] - 'A') <= 'Z' - 'A')
                        {
                            chars[j] = (char)(chars[j] | 0x20);
                        }
                    }

                    return new string(chars);
                }
            }

            return text;
        }

        /// <summary>The text of <c>s[start..end)</c> with each doubled <paramref name="quote"/> reduced to one.</summary>
        public static string Undouble(string s, int start, int end, char quote)
        {
            var first = s.IndexOf(quote, start, end - start);
            if (first < 0)
            {
                return s.Substring(start, end - start);
            }

            var builder = new StringBuilder(end - start);
            builder.Append(s, start, first - start);
            for (var i = first; i < end; i++)
            {
                var c = s[i];
                builder.Append(c);
                if (c == quote && i + 1 < end && s[i + 1] == quote)
                {
                    i++;
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// The content of an <c>E'...'</c> literal between <paramref name="start"/> and <paramref name="end"/>:
        /// <c>\b \f \n \r \t</c>, octal <c>\ooo</c>, <c>\xhh</c>, <c>\uXXXX</c>, <c>\UXXXXXXXX</c>, any other <c>\c</c> as c, and <c>''</c>.
        /// Returns null with the offset of a bad escape otherwise. Octal and hex escapes yield the code unit of that value
        /// (PostgreSQL treats them as bytes of the server encoding).
        /// </summary>
        public static string? DecodeEscapeString(string s, int start, int end, out int errorOffset)
        {
            errorOffset = -1;
            var builder = new StringBuilder(end - start);
            for (var i = start; i < end; i++)
            {
                var c = s[i];
                if (c == '\'' && i + 1 < end && s[i + 1] == '\'')
                {
                    builder.Append('\'');
                    i++;
                    continue;
                }

                if (c != '\\' || i + 1 >= end)
                {
                    builder.Append(c);
                    continue;
                }

                var escapeStart = i;
                var e = s[++i];
                switch (e)
                {
                    case 'b':
                        builder.Append('\b');
                        break;
                    case 'f':
                        builder.Append('\f');
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'x':
                        {
                            var value = 0;
                            var digits = 0;
                            while (digits < 2 && i + 1 < end && SqlCharacters.IsHexDigit(s[i + 1]))
                            {
                                value = (value * 16) + HexValue(s[++i]);
                                digits++;
                            }

                            builder.Append(digits == 0 ? 'x' : (char)value);
                            break;
                        }

                    case 'u':
                    case 'U':
                        {
                            var count = e == 'u' ? 4 : 8;
                            if (!TryReadHex(s, i + 1, end, count, out var codePoint) || !AppendCodePoint(builder, codePoint))
                            {
                                errorOffset = escapeStart;
                                return null;
                            }

                            i += count;
                            break;
                        }

                    default:
                        if (e >= '0' && e <= '7')
                        {
                            var value = e - '0';
                            var digits = 1;
                            while (digits < 3 && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '7')
                            {
                                value = (value * 8) + (s[++i] - '0');
                                digits++;
                            }

                            builder.Append((char)value);
                        }
                        else
                        {
                            builder.Append(e);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// The content of a <c>U&amp;'...'</c> literal or <c>U&amp;"..."</c> identifier whose quotes are already undoubled:
        /// <c>\XXXX</c>, <c>\+XXXXXX</c> and <c>\\</c>. Returns null with the index of a bad escape otherwise.
        /// </summary>
        public static string? DecodeUnicodeEscapes(string text, out int errorIndex)
        {
            errorIndex = -1;
            if (text.IndexOf('\\') < 0)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '\\')
                {
                    builder.Append('\\');
                    i++;
                    continue;
                }

                var plus = i + 1 < text.Length && text[i + 1] == '+';
                var digitsStart = plus ? i + 2 : i + 1;
                var count = plus ? 6 : 4;
                if (!TryReadHex(text, digitsStart, text.Length, count, out var codePoint) || !AppendCodePoint(builder, codePoint))
                {
                    errorIndex = i;
                    return null;
                }

                i = digitsStart + count - 1;
            }

            return builder.ToString();
        }

        private static bool TryReadHex(string s, int start, int end, int count, out int value)
        {
            value = 0;
            if (start + count > end)
            {
                return false;
            }

            for (var i = start; i < start + count; i++)
            {
                if (!SqlCharacters.IsHexDigit(s[i]))
                {
                    return false;
                }

                value = (value * 16) + HexValue(s[i]);
                if (value > 0x10FFFF)
                {
                    return false;
                }
            }

            return true;
        }

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private static bool AppendCodePoint(StringBuilder builder, int codePoint)
        {
            if (codePoint < 0 || codePoint > 0x10FFFF)
            {
                return false;
            }

            if (codePoint <= 0xFFFF)
            {
                builder.Append((char)codePoint);
                return true;
            }

            codePoint -= 0x10000;
            builder.Append((char)(0xD800 + (codePoint >> 10)));
            builder.Append((char)(0xDC00 + (codePoint & 0x3FF)));
            return true;
        }
    }
}
