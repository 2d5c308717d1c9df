using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>
    /// <c>[LATERAL] XMLTABLE([XMLNAMESPACES(...),] row_xpath PASSING [BY REF|VALUE] document [BY REF|VALUE] COLUMNS ...)
    /// [[AS] alias [(columns)]]</c>: rows made from the nodes an XPath expression selects in a document.
    /// </summary>
    public sealed class XmlTable : FromItem
    {
        public XmlTable(SqlSpan span, bool isLateral, IReadOnlyList<XmlNamedArgument> namespaces, SqlExpression rowExpression, SqlExpression document, IReadOnlyList<XmlTableColumn> columns, TableAlias? alias)
            : base(span)
        {
            IsLateral = isLateral;
            Namespaces = namespaces ?? throw new ArgumentNullException(nameof(namespaces));
            RowExpression = rowExpression ?? throw new ArgumentNullException(nameof(rowExpression));
            Document = document ?? throw new ArgumentNullException(nameof(document));
            Columns = columns ?? throw new ArgumentNullException(nameof(columns));
            Alias = alias;
        }

        /// <summary>True for LATERAL (a noise word: like any function in FROM, XMLTABLE sees the FROM items before it).</summary>
        public bool IsLateral { get; }

        /// <summary>The XMLNAMESPACES items (<c>uri AS prefix</c>, or <c>DEFAULT uri</c> without a name); empty when none.</summary>
        public IReadOnlyList<XmlNamedArgument> Namespaces { get; }

        /// <summary>The XPath expression whose nodes become rows.</summary>
        public SqlExpression RowExpression { get; }

        /// <summary>The XML document after PASSING.</summary>
        public SqlExpression Document { get; }

        /// <summary>The columns, at least one.</summary>
        public IReadOnlyList<XmlTableColumn> Columns { get; }

        /// <summary>The alias, if any.</summary>
        public TableAlias? Alias { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitXmlTable(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitXmlTable(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            AddRange(children, Namespaces);
            Add(children, RowExpression);
            Add(children, Document);
            AddRange(children, Columns);
        }
    }
}
