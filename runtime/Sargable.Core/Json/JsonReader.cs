using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Sargable.Json
{
    /// <summary>A JSON document that cannot be read: what is wrong (one sentence) and where.</summary>
    internal sealed class JsonReaderException : Exception
    {
        public JsonReaderException(string message, JsonPosition position, string path)
            : base(message)
        {
            Position = position;
            Path = path;
        }

        public JsonPosition Position { get; }

        /// <summary>Path of the innermost value being read when the problem was found; empty at the root.</summary>
        public string Path { get; }
    }

    /// <summary>
    /// A small strict JSON reader (RFC 8259): objects, arrays, strings with every escape, numbers, true/false/null.
    /// No comments, no trailing commas, no duplicate keys; nesting is limited. Every value carries its position and path.
    /// Errors name the problem and the place (<see cref="JsonReaderException"/>).
    /// </summary>
    internal sealed class JsonReader
    {
        public const int DefaultMaxDepth = 64;

        private readonly string text;
        private readonly int maxDepth;
        private readonly string? streamedPath;
        private readonly Action<JsonProperty>? onStreamedProperty;
        private int pos;
        private int line = 1;
        private int lineStart;
        private int depth;

        private JsonReader(string text, int maxDepth, string? streamedPath, Action<JsonProperty>? onStreamedProperty)
        {
            this.text = text;
            this.maxDepth = maxDepth;
            this.streamedPath = streamedPath;
            this.onStreamedProperty = onStreamedProperty;
        }

        private bool AtEnd => pos >= text.Length;

        private char Current => text[pos];

        private JsonPosition Here => new(pos, line, pos - lineStart + 1);

        /// <summary>Reads one JSON value that makes up the whole of <paramref name="text"/> (a leading BOM is ignored).</summary>
        public static JsonNode Parse(string text, int maxDepth = DefaultMaxDepth) => Parse(text, maxDepth, null, null);

        /// <summary>
        /// Like <see cref="Parse(string, int)"/>, but each property of the root's object property <paramref name="streamedPath"/> is handed
        /// to <paramref name="onProperty"/> as soon as it is read and not kept (that object comes back empty), so a large
        /// document is held one member at a time.
        /// </summary>
        public static JsonNode Parse(string text, int maxDepth, string? streamedPath, Action<JsonProperty>? onProperty)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (maxDepth < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "The nesting limit must be at least 1.");
            }

            var reader = new JsonReader(text, maxDepth, streamedPath, onProperty);
            return reader.ParseDocument();
        }

        private JsonNode ParseDocument()
        {
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                pos = 1;
                lineStart = 1;
            }

            SkipWhitespace();
            if (AtEnd)
            {
                throw Fail("the document is empty; expected a JSON value", JsonPath.Root);
            }

            var root = ParseValue(JsonPath.Root);
            SkipWhitespace();
            if (!AtEnd)
            {
                throw Unexpected("the end of the document after the JSON value", JsonPath.Root);
            }

            return root;
        }

        private JsonNode ParseValue(JsonPath path)
        {
            var start = Here;
            switch (Current)
            {
                case '{':
                    return ParseObject(path);
                case '[':
                    return ParseArray(path);
                case '"':
                    return new JsonString(start, path, ReadString(path));
                case '-':
                case >= '0' and <= '9':
                    return new JsonNumber(start, path, ReadNumber(path));
                case '\'':
                    throw Fail("strings must be enclosed in double quotes, not single quotes", path);
                default:
                    if (IsWordChar(Current))
                    {
                        return ReadLiteral(path, start);
                    }

                    throw Unexpected("a JSON value", path);
            }
        }

        private JsonObject ParseObject(JsonPath path)
        {
            var start = Here;
            Enter(path);
            pos++; // '{'
            var properties = new List<JsonProperty>();
            var streamed = onStreamedProperty is not null && path.IsRootProperty(streamedPath!);
            // Duplicate keys are found by a search of the properties read so far, until the object is large enough
            // (or streamed, keeping no properties) to be worth a dictionary.
            Dictionary<string, JsonPosition>? seen = null;
            SkipWhitespace();
            if (!AtEnd && Current == '}')
            {
                pos++;
                depth--;
                return new JsonObject(start, path, properties);
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail($"the object that starts at {start} is not closed; expected a property name or '}}'", path);
                }

                if (Current != '"')
                {
                    if (Current == '}' && properties.Count > 0)
                    {
                        throw Fail("a ',' must be followed by another property (trailing commas are not allowed)", path);
                    }

                    if (Current == '\'' || IsWordChar(Current))
                    {
                        throw Fail("property names must be enclosed in double quotes", path);
                    }

                    throw Unexpected("a property name in double quotes", path);
                }

                var namePosition = Here;
                var name = ReadString(path);
                if (FindEarlier(properties, seen, name) is { } first)
                {
                    throw new JsonReaderException(
                        $"{(path.IsRoot ? "the root object" : path)} has a duplicate key '{name}' (first at {first})", namePosition, path);
                }

                if (seen is not null || streamed || properties.Count >= 8)
                {
                    seen ??= Index(properties);
                    seen.Add(name, namePosition);
                }
                SkipWhitespace();
                if (AtEnd || Current != ':')
                {
                    throw Unexpected($"':' after the property name '{name}'", path);
                }

                pos++;
                SkipWhitespace();
                var valuePath = path.Property(name);
                if (AtEnd)
                {
                    throw Unexpected("a JSON value", valuePath);
                }

                var property = new JsonProperty(name, namePosition, ParseValue(valuePath));
                if (streamed)
                {
                    onStreamedProperty!(property);
                }
                else
                {
                    properties.Add(property);
                }

                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail($"the object that starts at {start} is not closed; expected ',' or '}}'", path);
                }

                if (Current == ',')
                {
                    pos++;
                    continue;
                }

                if (Current == '}')
                {
                    pos++;
                    depth--;
                    return new JsonObject(start, path, properties);
                }

                throw Unexpected($"',' or '}}' after the value of '{name}'", path);
            }
        }

        private static JsonPosition? FindEarlier(List<JsonProperty> properties, Dictionary<string, JsonPosition>? seen, string name)
        {
            if (seen is not null)
            {
                return seen.TryGetValue(name, out var first) ? first : null;
            }

            foreach (var property in properties)
            {
                if (property.Name == name)
                {
                    return property.NamePosition;
                }
            }

            return null;
        }

        private static Dictionary<string, JsonPosition> Index(List<JsonProperty> properties)
        {
            var seen = new Dictionary<string, JsonPosition>(StringComparer.Ordinal);
            foreach (var property in properties)
            {
                seen.Add(property.Name, property.NamePosition);
            }

            return seen;
        }

        private JsonArray ParseArray(JsonPath path)
        {
            var start = Here;
            Enter(path);
            pos++; // '['
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (!AtEnd && Current == ']')
            {
                pos++;
                depth--;
                return new JsonArray(start, path, items);
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail($"the array that starts at {start} is not closed; expected a value or ']'", path);
                }

                if (Current == ']' && items.Count > 0)
                {
                    throw Fail("a ',' must be followed by another value (trailing commas are not allowed)", path);
                }

                items.Add(ParseValue(path.Index(items.Count)));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail($"the array that starts at {start} is not closed; expected ',' or ']'", path);
                }

                if (Current == ',')
                {
                    pos++;
                    continue;
                }

                if (Current == ']')
                {
                    pos++;
                    depth--;
                    return new JsonArray(start, path, items);
                }

                throw Unexpected("',' or ']' after an array item", path);
            }
        }

        private string ReadString(JsonPath path)
        {
            var start = Here;
            pos++; // opening quote
            StringBuilder? builder = null;
            var runStart = pos;
            while (true)
            {
                if (AtEnd)
                {
                    throw new JsonReaderException($"invalid JSON{In(path)}: the string that starts here is not closed", start, path);
                }

                var c = Current;
                if (c == '"')
                {
                    var value = builder is null
                        ? text.Substring(runStart, pos - runStart)
                        : builder.Append(text, runStart, pos - runStart).ToString();
                    pos++;
                    return value;
                }

                if (c == '\\')
                {
                    builder ??= new StringBuilder();
                    builder.Append(text, runStart, pos - runStart);
                    builder.Append(ReadEscape(path));
                    runStart = pos;
                    continue;
                }

                if (c < ' ')
                {
                    if (c is '\n' or '\r')
                    {
                        throw new JsonReaderException(
                            $"invalid JSON{In(path)}: the string that starts here runs into a line break (strings cannot span lines; write \\n inside the string)", start, path);
                    }

                    throw Fail($"control character U+{(int)c:X4} must be escaped inside a string{(c == '\t' ? " (write \\t)" : string.Empty)}", path);
                }

                pos++;
            }
        }

        private char ReadEscape(JsonPath path)
        {
            var escapeStart = Here;
            pos++; // backslash
            if (AtEnd)
            {
                throw new JsonReaderException($"invalid JSON{In(path)}: the string ends inside an escape sequence", escapeStart, path);
            }

            var c = Current;
            pos++;
            switch (c)
            {
                case '"': return '"';
                case '\\': return '\\';
                case '/': return '/';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'u':
                    var code = 0;
                    for (var i = 0; i < 4; i++)
                    {
                        var digit = AtEnd ? -1 : HexValue(Current);
                        if (digit < 0)
                        {
                            throw new JsonReaderException(
                                $"invalid JSON{In(path)}: '\\u' must be followed by exactly four hexadecimal digits", escapeStart, path);
                        }

                        code = (code * 16) + digit;
                        pos++;
                    }

                    // Surrogate halves are kept as UTF-16 code units: a \uD83D\uDE00 pair becomes one code point.
                    return (char)code;
                default:
                    throw new JsonReaderException(
                        $"invalid JSON{In(path)}: '\\{Printable(c)}' is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)", escapeStart, path);
            }
        }

        private string ReadNumber(JsonPath path)
        {
            var start = pos;
            if (Current == '-')
            {
                pos++;
                if (AtEnd || !IsDigit(Current))
                {
                    throw Unexpected("a digit after '-'", path);
                }
            }

            if (Current == '0')
            {
                pos++;
                if (!AtEnd && IsDigit(Current))
                {
                    throw Fail("numbers cannot have leading zeros", path);
                }
            }
            else
            {
                SkipDigits();
            }

            if (!AtEnd && Current == '.')
            {
                pos++;
                if (AtEnd || !IsDigit(Current))
                {
                    throw Unexpected("a digit after the decimal point", path);
                }

                SkipDigits();
            }

            if (!AtEnd && Current is 'e' or 'E')
            {
                pos++;
                if (!AtEnd && Current is '+' or '-')
                {
                    pos++;
                }

                if (AtEnd || !IsDigit(Current))
                {
                    throw Unexpected("a digit in the exponent", path);
                }

                SkipDigits();
            }

            return text.Substring(start, pos - start);
        }

        private JsonNode ReadLiteral(JsonPath path, JsonPosition start)
        {
            var begin = pos;
            while (!AtEnd && IsWordChar(Current))
            {
                pos++;
            }

            var word = text.Substring(begin, pos - begin);
            switch (word)
            {
                case "true":
                    return new JsonBoolean(start, path, true);
                case "false":
                    return new JsonBoolean(start, path, false);
                case "null":
                    return new JsonNull(start, path);
                default:
                    pos = begin;
                    throw Fail($"'{word}' is not a JSON value (expected a string in double quotes, a number, true, false, null, an object or an array)", path);
            }
        }

        private void Enter(JsonPath path)
        {
            depth++;
            if (depth > maxDepth)
            {
                throw Fail($"the document is nested deeper than {maxDepth} levels", path);
            }
        }

        private void SkipWhitespace()
        {
            while (!AtEnd)
            {
                switch (Current)
                {
                    case ' ':
                    case '\t':
                        pos++;
                        break;
                    case '\n':
                        pos++;
                        line++;
                        lineStart = pos;
                        break;
                    case '\r':
                        pos++;
                        if (!AtEnd && Current == '\n')
                        {
                            pos++;
                        }

                        line++;
                        lineStart = pos;
                        break;
                    default:
                        return;
                }
            }
        }

        private void SkipDigits()
        {
            while (!AtEnd && IsDigit(Current))
            {
                pos++;
            }
        }

        private JsonReaderException Fail(string problem, JsonPath path) => new($"invalid JSON{In(path)}: {problem}", Here, path);

        private JsonReaderException Unexpected(string expected, JsonPath path)
        {
            if (!AtEnd && Current == '/' && pos + 1 < text.Length && text[pos + 1] is '/' or '*')
            {
                return Fail("comments are not allowed in JSON", path);
            }

            return Fail($"expected {expected}, found {DescribeCurrent()}", path);
        }

        private string DescribeCurrent() => AtEnd ? "the end of the document" : "'" + Printable(Current) + "'";

        private static string In(JsonPath path) => path.IsRoot ? string.Empty : " in " + path;

        private static string Printable(char c) =>
            c < ' ' || c == '\u007F' || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();

        private static bool IsDigit(char c) => c is >= '0' and <= '9';

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
    }
}
