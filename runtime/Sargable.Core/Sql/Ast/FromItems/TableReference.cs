using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A table or view by name: <c>[ONLY] [schema.]name [[AS] alias [(columns)]]</c>.</summary>
    public sealed class TableReference : FromItem
    {
        public TableReference(SqlSpan span, SqlQualifiedName name, bool isOnly, TableAlias? alias, bool isSampled = false)
            : base(span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            IsOnly = isOnly;
            Alias = alias;
            IsSampled = isSampled;
        }

        /// <summary>True with <c>TABLESAMPLE</c>: a random sample of the table's pages or rows is read, not all of it.</summary>
        public bool IsSampled { get; }

        /// <summary>The table's (possibly schema-qualified) name.</summary>
        public SqlQualifiedName Name { get; }

        /// <summary>True for ONLY (no inheritance children).</summary>
        public bool IsOnly { get; }

        /// <summary>The alias, if any.</summary>
        public TableAlias? Alias { get; }

        /// <summary>The name other parts of the query use for this table: the alias if any, else the table name.</summary>
        public string ExposedName => Alias?.Name.Value ?? Name.Name.Value;

        public override void Accept(SqlVisitor visitor) => visitor.VisitTableReference(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitTableReference(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
        }
    }
}
