using System.Globalization;

namespace Sargable.Json
{
    /// <summary>
    /// Where a value sits in a document, kept as a link to its parent and built into text
    /// (<see cref="JsonPathText"/>) only when an error message asks for it: a large document's paths cost one small
    /// object per value instead of one string each.
    /// </summary>
    internal sealed class JsonPath
    {
        private readonly JsonPath? parent;
        private readonly string? name;
        private readonly int index;
        private string? text;

        private JsonPath(JsonPath? parent, string? name, int index)
        {
            this.parent = parent;
            this.name = name;
            this.index = index;
        }

        public static JsonPath Root { get; } = new(null, null, -1) { text = string.Empty };

        public bool IsRoot => parent is null;

        public JsonPath Property(string propertyName) => new(this, propertyName, -1);

        public JsonPath Index(int itemIndex) => new(this, null, itemIndex);

        /// <summary>True for the property <paramref name="propertyName"/> of the root object.</summary>
        public bool IsRootProperty(string propertyName) => parent is { IsRoot: true } && name == propertyName;

        public static implicit operator string(JsonPath path) => path.ToString();

        public override string ToString() => text ??= name is not null
            ? JsonPathText.Property(parent!.ToString(), name)
            : JsonPathText.Index(parent!.ToString(), index);
    }
}
