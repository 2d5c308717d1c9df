using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>
    /// A parsed statement: <see cref="SelectStatement"/>, <see cref="InsertStatement"/>, <see cref="UpdateStatement"/>,
    /// <see cref="DeleteStatement"/>, <see cref="CreateTableStatement"/>, <see cref="CreateIndexStatement"/>,
    /// <see cref="AlterTableStatement"/> or <see cref="OtherStatement"/>.
    /// </summary>
    public abstract class SqlStatement : SqlNode
    {
        private protected SqlStatement(SqlSpan span)
            : base(span)
        {
            Comments = Array.Empty<SqlComment>();
        }

        /// <summary>
        /// Every comment in the parsed text, in order, including those before the statement (EF's <c>TagWith</c> lines)
        /// and after it. Only the statement returned by the parser has them; statements nested in CTEs have none.
        /// </summary>
        public IReadOnlyList<SqlComment> Comments { get; private set; }

        internal void AttachComments(IReadOnlyList<SqlComment> comments) => Comments = comments;
    }
}
