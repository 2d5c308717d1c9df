using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary><c>{ROWS|RANGE|GROUPS} {start | BETWEEN start AND end} [EXCLUDE ...]</c>.</summary>
    public sealed class WindowFrame : SqlNode
    {
        public WindowFrame(SqlSpan span, WindowFrameUnits units, FrameBound start, FrameBound? end, FrameExclusion exclusion)
            : base(span)
        {
            Units = units;
            Start = start ?? throw new ArgumentNullException(nameof(start));
            End = end;
            Exclusion = exclusion;
        }

        /// <summary>ROWS, RANGE or GROUPS.</summary>
        public WindowFrameUnits Units { get; }

        /// <summary>The start bound.</summary>
        public FrameBound Start { get; }

        /// <summary>The end bound, when written with BETWEEN.</summary>
        public FrameBound? End { get; }

        /// <summary>The EXCLUDE option.</summary>
        public FrameExclusion Exclusion { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitWindowFrame(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitWindowFrame(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Start.Offset);
            Add(children, End?.Offset);
        }
    }
}
