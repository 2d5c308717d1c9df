using System;

namespace Sargable.Registry
{
    /// <summary>One key column of an index, with its declared direction.</summary>
    public sealed class IndexColumn : IEquatable<IndexColumn>
    {
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

        public bool Descending { get; }

        public bool Equals(IndexColumn? other) =>
            other is not null && Descending == other.Descending && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

        public override bool Equals(object? obj) => Equals(obj as IndexColumn);

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name) ^ (Descending ? 1 : 0);

        public override string ToString() => Descending ? Name + " DESC" : Name;
    }
}
