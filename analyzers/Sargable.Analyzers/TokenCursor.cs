using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers
{
    /// <summary>
    /// Finds tokens at nearby positions of one tree (the names found by a scan, in text order). Each search starts from the smallest node around the last
    /// token that holds the position, not from the root: descending from the root through a type's member list again
    /// for every name found was most of the cost of finding candidates from names.
    /// </summary>
    internal sealed class TokenCursor
    {
        private SyntaxNode scope;

        public TokenCursor(SyntaxNode root)
        {
            Root = root;
            scope = root;
        }

        public SyntaxNode Root { get; }

        public SyntaxToken FindToken(int position)
        {
            var node = scope;
            while (node.Parent is { } parent && !node.FullSpan.Contains(position))
            {
                node = parent;
            }

            var token = node.FindToken(position);
            scope = token.Parent ?? Root;
            return token;
        }
    }
}
