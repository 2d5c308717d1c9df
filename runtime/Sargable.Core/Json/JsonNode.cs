using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sargable.Json
{
    /// <summary>The kind of a JSON value.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        Boolean,
        Null,
    }

    /// <summary>Where a value starts in the JSON text: 0-based offset, 1-based line and column (UTF-16 code units).</summary>
    internal readonly struct JsonPosition
    {
        public JsonPosition(int offset, int line, int column)
        {
            Offset = offset;
            Line = line;
            Column = column;
        }

        public int Offset { get; }

        public int Line { get; }

        public int Column { get; }

        public override string ToString() => $"({Line},{Column})";
    }

    /// <summary>
    /// A parsed JSON value with the position it was read from and its path from the root, so that whoever
    /// interprets the document can point at the exact place of a problem.
    /// </summary>
    internal abstract class JsonNode
    {
        private readonly JsonPath path;

        protected JsonNode(JsonPosition position, JsonPath path)
        {
            Position = position;
            this.path = path;
        }

        public abstract JsonKind Kind { get; }

        public JsonPosition Position { get; }

        /// <summary>Path from the root, e.g. <c>tables.deployments.indexes[0]</c>; empty for the root.</summary>
        public string Path => path.ToString();

        /// <summary>"an object", "a string"...: for error messages.</summary>
        public string Describe() => Kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.Boolean => ((JsonBoolean)this).Value ? "true" : "false",
            _ => "null",
        };
    }

    internal sealed class JsonProperty
    {
        public JsonProperty(string name, JsonPosition namePosition, JsonNode value)
        {
            Name = name;
            NamePosition = namePosition;
            Value = value;
        }

        public string Name { get; }

        /// <summary>Position of the property name's opening quote.</summary>
        public JsonPosition NamePosition { get; }

        public JsonNode Value { get; }
    }

    /// <summary>An object; properties keep their order, and names are unique (the reader rejects duplicates).</summary>
    internal sealed class JsonObject : JsonNode
    {
        /// <summary>Objects this small are searched in order: a dictionary per object would cost more than the search.</summary>
        private const int LinearSearchLimit = 8;

        private readonly Dictionary<string, JsonProperty>? byName;

        public JsonObject(JsonPosition position, JsonPath path, IReadOnlyList<JsonProperty> properties)
            : base(position, path)
        {
            Properties = properties;
            if (properties.Count <= LinearSearchLimit)
            {
                for (var i = 1; i < properties.Count; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (properties[i].Name == properties[j].Name)
                        {
                            throw new ArgumentException($"Duplicate property '{properties[i].Name}'.", nameof(properties));
                        }
                    }
                }

                return;
            }

            byName = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
            foreach (var property in properties)
            {
                if (byName.ContainsKey(property.Name))
                {
                    throw new ArgumentException($"Duplicate property '{property.Name}'.", nameof(properties));
                }

                byName.Add(property.Name, property);
            }
        }

        public override JsonKind Kind => JsonKind.Object;

        public IReadOnlyList<JsonProperty> Properties { get; }

        public JsonProperty? Find(string name)
        {
            if (byName is not null)
            {
                return byName.TryGetValue(name, out var property) ? property : null;
            }

            foreach (var property in Properties)
            {
                if (property.Name == name)
                {
                    return property;
                }
            }

            return null;
        }
    }

    internal sealed class JsonArray : JsonNode
    {
        public JsonArray(JsonPosition position, JsonPath path, IReadOnlyList<JsonNode> items)
            : base(position, path) => Items = items;

        public override JsonKind Kind => JsonKind.Array;

        public IReadOnlyList<JsonNode> Items { get; }
    }

    internal sealed class JsonString : JsonNode
    {
        public JsonString(JsonPosition position, JsonPath path, string value)
            : base(position, path) => Value = value;

        public override JsonKind Kind => JsonKind.String;

        public string Value { get; }
    }

    /// <summary>A number, kept as its exact text so that integers never pass through floating point.</summary>
    internal sealed class JsonNumber : JsonNode
    {
        public JsonNumber(JsonPosition position, JsonPath path, string text)
            : base(position, path) => Text = text;

        public override JsonKind Kind => JsonKind.Number;

        /// <summary>The number exactly as written in the document.</summary>
        public string Text { get; }

        /// <summary>True when the number is written as an integer (no fraction, no exponent) that fits a long.</summary>
        public bool TryGetInt64(out long value) =>
            long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        public double ToDouble() => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    internal sealed class JsonBoolean : JsonNode
    {
        public JsonBoolean(JsonPosition position, JsonPath path, bool value)
            : base(position, path) => Value = value;

        public override JsonKind Kind => JsonKind.Boolean;

        public bool Value { get; }
    }

    internal sealed class JsonNull : JsonNode
    {
        public JsonNull(JsonPosition position, JsonPath path)
            : base(position, path)
        {
        }

        public override JsonKind Kind => JsonKind.Null;
    }
}
