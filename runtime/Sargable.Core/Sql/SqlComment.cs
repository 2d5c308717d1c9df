using System;

namespace Sargable.Sql
{
    /// <summary>A <c>-- line</c> or <c>/* block */</c> comment. EF's <c>TagWith</c> and suppressions live in these.</summary>
    public sealed class SqlComment
    {
        public SqlComment(string text, SqlSpan span, bool isBlock)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Span = span;
            IsBlock = isBlock;
        }

        /// <summary>The text between the markers, exactly as written (not trimmed; nested block comments kept verbatim).</summary>
        public string Text { get; }

        /// <summary>The whole comment including its markers.</summary>
        public SqlSpan Span { get; }

        /// <summary>True for <c>/* */</c>, false for <c>--</c>.</summary>
        public bool IsBlock { get; }

        public override string ToString() => IsBlock ? "/*" + Text + "*/" : "--" + Text;
    }
}
