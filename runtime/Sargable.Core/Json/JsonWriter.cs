using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Sargable.Json
{
    /// <summary>
    /// A small indented JSON writer (two spaces, '\n' line breaks) with optional single-line arrays for short lists.
    /// It checks that calls form a valid document and escapes every string so that any text round-trips.
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder output = new();
        private readonly Stack<Container> open = new();
        private bool afterPropertyName;
        private bool rootWritten;

        /// <summary>Starts an object as the next value.</summary>
        public JsonWriter BeginObject()
        {
            BeforeValue();
            output.Append('{');
            open.Push(new Container(isObject: true, inline: CurrentIsInline));
            return this;
        }

        public JsonWriter EndObject() => End(isObject: true, '}');

        /// <summary>Starts an array; an inline array (and everything in it) is written on one line: <c>["a", "b"]</c>.</summary>
        public JsonWriter BeginArray(bool inline = false)
        {
            BeforeValue();
            output.Append('[');
            open.Push(new Container(isObject: false, inline: inline || CurrentIsInline));
            return this;
        }

        public JsonWriter EndArray() => End(isObject: false, ']');

        public JsonWriter PropertyName(string name)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (open.Count == 0 || !open.Peek().IsObject || afterPropertyName)
            {
                throw new InvalidOperationException("A property name can only be written inside an object, before its value.");
            }

            Separate(open.Peek());
            AppendQuoted(output, name);
            output.Append(": ");
            afterPropertyName = true;
            return this;
        }

        public JsonWriter String(string? value)
        {
            if (value is null)
            {
                return Null();
            }

            BeforeValue();
            AppendQuoted(output, value);
            return this;
        }

        public JsonWriter Number(long value)
        {
            BeforeValue();
            output.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Boolean(bool value)
        {
            BeforeValue();
            output.Append(value ? "true" : "false");
            return this;
        }

        public JsonWriter Null()
        {
            BeforeValue();
            output.Append("null");
            return this;
        }

        public JsonWriter Property(string name, string? value) => PropertyName(name).String(value);

        public JsonWriter Property(string name, long value) => PropertyName(name).Number(value);

        public JsonWriter Property(string name, bool value) => PropertyName(name).Boolean(value);

        /// <summary>The finished document, ending with a line break.</summary>
        public override string ToString()
        {
            if (open.Count > 0 || !rootWritten)
            {
                throw new InvalidOperationException("The JSON document is not complete.");
            }

            return output.ToString() + "\n";
        }

        /// <summary>Appends <paramref name="value"/> as a JSON string literal, escaping quotes, backslashes and control characters.</summary>
        public static void AppendQuoted(StringBuilder builder, string value)
        {
            builder.Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            builder.Append(c).Append(value[i + 1]);
                            i++;
                        }
                        else if (c < ' ' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                        {
                            // Control characters, the JavaScript line separators and lone surrogate halves are escaped,
                            // so the output is valid text whatever the string held, and reads back to the same string.
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }

        private bool CurrentIsInline => open.Count > 0 && open.Peek().Inline;

        private void BeforeValue()
        {
            if (open.Count == 0)
            {
                if (rootWritten)
                {
                    throw new InvalidOperationException("A JSON document has exactly one root value.");
                }

                rootWritten = true;
                return;
            }

            var container = open.Peek();
            if (container.IsObject)
            {
                if (!afterPropertyName)
                {
                    throw new InvalidOperationException("A value inside an object needs a property name first.");
                }

                afterPropertyName = false;
                return;
            }

            Separate(container);
        }

        private void Separate(Container container)
        {
            if (container.Count > 0)
            {
                output.Append(',');
            }

            if (container.Inline)
            {
                if (container.Count > 0)
                {
                    output.Append(' ');
                }
            }
            else
            {
                NewLine(open.Count);
            }

            container.Count++;
        }

        private JsonWriter End(bool isObject, char close)
        {
            if (open.Count == 0 || open.Peek().IsObject != isObject || afterPropertyName)
            {
                throw new InvalidOperationException($"'{close}' does not close the innermost open container.");
            }

            var container = open.Pop();
            if (container.Count > 0 && !container.Inline)
            {
                NewLine(open.Count);
            }

            output.Append(close);
            return this;
        }

        private void NewLine(int level) => output.Append('\n').Append(' ', level * 2);

        private sealed class Container
        {
            public Container(bool isObject, bool inline)
            {
                IsObject = isObject;
                Inline = inline;
            }

            public bool IsObject { get; }

            public bool Inline { get; }

            public int Count { get; set; }
        }
    }
}
