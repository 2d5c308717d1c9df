using System;

namespace Sargable.Sql
{
    /// <summary>
    /// A name as PostgreSQL resolves it: unquoted names fold to lower case, quoted ones (<c>"Name"</c>, and SQLite's
    /// <c>[Name]</c> and <c>`Name`</c>) keep their case with escapes removed. Compare <see cref="Value"/>s ordinally.
    /// </summary>
    public sealed class SqlIdentifier
    {
        public SqlIdentifier(string value, string text, bool isQuoted, SqlSpan span)
        {
            Value = value ?? throw new ArgumentNullException(nameof(value));
            Text = text ?? throw new ArgumentNullException(nameof(text));
            IsQuoted = isQuoted;
            Span = span;
        }

        /// <summary>The resolved name: lower-cased (ASCII) when unquoted, unescaped when quoted.</summary>
        public string Value { get; }

        /// <summary>The name exactly as written, quotes included.</summary>
        public string Text { get; }

        public bool IsQuoted { get; }

        public SqlSpan Span { get; }

        /// <summary>True when <see cref="Value"/> equals <paramref name="name"/> ordinally.</summary>
        public bool Is(string name) => string.Equals(Value, name, StringComparison.Ordinal);

        public override string ToString() => Value;
    }
}
