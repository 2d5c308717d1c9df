using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>
    /// Base of every AST node. Nodes are immutable; lists are never null (empty when absent). Walk a tree with
    /// <see cref="SqlVisitor"/> (a walker), <see cref="SqlVisitor{TResult}"/>, a type switch, or <see cref="ChildNodes"/>.
    /// Helper values that hold no expressions (<see cref="SqlIdentifier"/>, <see cref="SqlQualifiedName"/>,
    /// <see cref="SqlDataType"/>, <see cref="TableAlias"/>, ...) are plain classes, not nodes.
    /// </summary>
    public abstract class SqlNode
    {
        private protected SqlNode(SqlSpan span)
        {
            Span = span;
        }

        /// <summary>Where the node is in the source (absolute offsets, 1-based line and column of its first token).</summary>
        public SqlSpan Span { get; }

        public abstract void Accept(SqlVisitor visitor);

        public abstract TResult Accept<TResult>(SqlVisitor<TResult> visitor);

        /// <summary>The direct child nodes in source order (a new list on each call).</summary>
        public IReadOnlyList<SqlNode> ChildNodes()
        {
            var children = new List<SqlNode>();
            CollectChildren(children);
            return children;
        }

        public override string ToString() => GetType().Name + " " + Span.ToString();

        internal abstract void CollectChildren(List<SqlNode> children);

        private protected static void Add(List<SqlNode> children, SqlNode? child)
        {
            if (child is not null)
            {
                children.Add(child);
            }
        }

        private protected static void AddRange<T>(List<SqlNode> children, IReadOnlyList<T> items)
            where T : SqlNode
        {
            for (var i = 0; i < items.Count; i++)
            {
                children.Add(items[i]);
            }
        }
    }
}
