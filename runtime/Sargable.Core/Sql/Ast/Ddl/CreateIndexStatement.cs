using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method] (keys) [INCLUDE (...)] [NULLS [NOT] DISTINCT] [WITH (...)] [TABLESPACE t] [WHERE ...]</c>.</summary>
    public sealed class CreateIndexStatement : SqlStatement
    {
        public CreateIndexStatement(SqlSpan span, bool isUnique, bool isConcurrently, bool ifNotExists, SqlIdentifier? name, SqlQualifiedName table, bool isOnly, SqlIdentifier? method, IReadOnlyList<IndexKey> keys, IReadOnlyList<SqlIdentifier> include, bool nullsNotDistinct, IReadOnlyList<StorageParameter> storageParameters, SqlIdentifier? tablespace, SqlExpression? where)
            : base(span)
        {
            IsUnique = isUnique;
            IsConcurrently = isConcurrently;
            IfNotExists = ifNotExists;
            Name = name;
            Table = table ?? throw new ArgumentNullException(nameof(table));
            IsOnly = isOnly;
            Method = method;
            Keys = keys ?? throw new ArgumentNullException(nameof(keys));
            Include = include ?? throw new ArgumentNullException(nameof(include));
            NullsNotDistinct = nullsNotDistinct;
            StorageParameters = storageParameters ?? throw new ArgumentNullException(nameof(storageParameters));
            Tablespace = tablespace;
            Where = where;
        }

        /// <summary>True for UNIQUE.</summary>
        public bool IsUnique { get; }

        /// <summary>True for CONCURRENTLY.</summary>
        public bool IsConcurrently { get; }

        /// <summary>True for IF NOT EXISTS.</summary>
        public bool IfNotExists { get; }

        /// <summary>The index name; null when omitted.</summary>
        public SqlIdentifier? Name { get; }

        /// <summary>The indexed table.</summary>
        public SqlQualifiedName Table { get; }

        /// <summary>True for ON ONLY.</summary>
        public bool IsOnly { get; }

        /// <summary>The USING method (btree, gin, ...); null means btree.</summary>
        public SqlIdentifier? Method { get; }

        /// <summary>The key columns and expressions in order.</summary>
        public IReadOnlyList<IndexKey> Keys { get; }

        /// <summary>INCLUDE columns; empty when absent.</summary>
        public IReadOnlyList<SqlIdentifier> Include { get; }

        /// <summary>True for NULLS NOT DISTINCT.</summary>
        public bool NullsNotDistinct { get; }

        /// <summary>WITH (...) parameters; empty when absent.</summary>
        public IReadOnlyList<StorageParameter> StorageParameters { get; }

        /// <summary>TABLESPACE name, if given.</summary>
        public SqlIdentifier? Tablespace { get; }

        /// <summary>The partial-index predicate, if any.</summary>
        public SqlExpression? Where { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitCreateIndexStatement(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitCreateIndexStatement(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Keys);
            Add(children, Where);
        }
    }
}
