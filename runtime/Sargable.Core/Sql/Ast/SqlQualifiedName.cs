using System;
using System.Collections.Generic;
using System.Text;

namespace Sargable.Sql
{
    /// <summary>A dotted name such as <c>public.environments</c> (table, type, function, collation, ...).</summary>
    public sealed class SqlQualifiedName
    {
        public SqlQualifiedName(IReadOnlyList<SqlIdentifier> parts, SqlSpan span)
        {
            Parts = parts ?? throw new ArgumentNullException(nameof(parts));
            if (parts.Count == 0)
            {
                throw new ArgumentException("A name needs at least one part.", nameof(parts));
            }

            Span = span;
        }

        /// <summary>The parts in order; at least one.</summary>
        public IReadOnlyList<SqlIdentifier> Parts { get; }

        /// <summary>The last part: the object's own name.</summary>
        public SqlIdentifier Name => Parts[Parts.Count - 1];

        /// <summary>The part before the name, if any.</summary>
        public SqlIdentifier? Schema => Parts.Count >= 2 ? Parts[Parts.Count - 2] : null;

        /// <summary>The database part of a three-part name, if any.</summary>
        public SqlIdentifier? Catalog => Parts.Count >= 3 ? Parts[Parts.Count - 3] : null;

        public SqlSpan Span { get; }

        /// <summary>The resolved parts joined by dots, e.g. <c>public.environments</c>.</summary>
        public override string ToString()
        {
            if (Parts.Count == 1)
            {
                return Parts[0].Value;
            }

            var builder = new StringBuilder();
            for (var i = 0; i < Parts.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append('.');
                }

                builder.Append(Parts[i].Value);
            }

            return builder.ToString();
        }
    }
}
