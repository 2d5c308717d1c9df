using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A constant: number, string (any form), bit/hex string, TRUE/FALSE or NULL.</summary>
    public sealed class Literal : SqlExpression
    {
        public Literal(SqlSpan span, LiteralKind kind, string text, string? value)
            : base(span)
        {
            Kind = kind;
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Value = value;
        }

        /// <summary>How it was written.</summary>
        public LiteralKind Kind { get; }

        /// <summary>The source text, e.g. <c>E'a\\tb'</c> or <c>-1</c> (a folded negative number).</summary>
        public string Text { get; }

        /// <summary>The value: decoded string content; a number's digits without '_' (0x/0o/0b integers in decimal), with a leading '-' if negative; the bits or hex digits of B''/X''; <c>true</c>/<c>false</c>; null for NULL.</summary>
        public string? Value { get; }

        /// <summary>True for a numeric literal (integer or decimal).</summary>
        public bool IsNumber => Kind == LiteralKind.Integer || Kind == LiteralKind.Numeric;

        /// <summary>True for any form of character string literal.</summary>
        public bool IsString => Kind == LiteralKind.String || Kind == LiteralKind.EscapeString || Kind == LiteralKind.UnicodeString
            || Kind == LiteralKind.DollarString || Kind == LiteralKind.NationalString;

        /// <summary>The value of a decimal integer literal that fits in a long.</summary>
        public bool TryGetInt64(out long value)
        {
            value = 0;
            return Kind == LiteralKind.Integer && Value is not null
                && long.TryParse(Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
        }

        public override void Accept(SqlVisitor visitor) => visitor.VisitLiteral(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitLiteral(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
        }
    }
}
