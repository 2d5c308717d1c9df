using System;

namespace Sargable.Registry
{
    /// <summary>One key column of an index, with its declared direction.</summary>
    public sealed class IndexColumn : IEquatable<IndexColumn>
    {
        /// <summary>A key column named <paramref name="name"/>, ascending unless <paramref name="descending"/>.</summary>
        public IndexColumn(string name, bool descending = false)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("An index column needs a name.", nameof(name));
            }

            Name = name;
            Descending = descending;
        }

        /// <summary>Column name as the database knows it (case preserved; compared case-insensitively).</summary>
        public string Name { get; }

        /// <summary>True for a DESC key column.</summary>
        public bool Descending { get; }

        /// <summary>
        /// True when the key is an expression (<c>lower(email)</c>) rather than a column; <see cref="Name"/> then holds the
        /// expression's text, which never equals a plain column, so the engine cannot use the index past it.
        /// </summary>
        public bool IsExpression { get; init; }

        /// <summary>Same name (case-insensitive) and direction.</summary>
        public bool Equals(IndexColumn? other) =>
            other is not null && Descending == other.Descending && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as IndexColumn);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name) ^ (Descending ? 1 : 0);

        /// <inheritdoc />
        public override string ToString() => Descending ? Name + " DESC" : Name;
    }
}
