using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>An XMLTABLE column: <c>name type [PATH xpath] [DEFAULT value] [NOT NULL|NULL]</c> or <c>name FOR ORDINALITY</c>.</summary>
    public sealed class XmlTableColumn : SqlNode
    {
        public XmlTableColumn(SqlSpan span, SqlIdentifier name, SqlDataType? type, SqlExpression? path, SqlExpression? @default, bool isNotNull)
            : base(span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Type = type;
            Path = path;
            Default = @default;
            IsNotNull = isNotNull;
        }

        /// <summary>The column's name.</summary>
        public SqlIdentifier Name { get; }

        /// <summary>The column's type; null for a FOR ORDINALITY column.</summary>
        public SqlDataType? Type { get; }

        /// <summary>True for <c>FOR ORDINALITY</c>: the row's number.</summary>
        public bool IsOrdinality => Type is null;

        /// <summary>The XPath expression for the value, if given (else the column's name is the path).</summary>
        public SqlExpression? Path { get; }

        /// <summary>The value used when the path selects nothing, if given.</summary>
        public SqlExpression? Default { get; }

        /// <summary>True for NOT NULL.</summary>
        public bool IsNotNull { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitXmlTableColumn(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitXmlTableColumn(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Path);
            Add(children, Default);
        }
    }
}
