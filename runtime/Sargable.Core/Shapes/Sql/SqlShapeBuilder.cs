using System;
using Sargable.Sql;

namespace Sargable.Shapes.Sql
{
    /// <summary>The SQL front-end: reduces a parsed statement to the <see cref="QueryShape"/> every rule reads.</summary>
    public static class SqlShapeBuilder
    {
        /// <param name="statement">A statement from <see cref="SqlParser"/>.</param>
        /// <param name="source">The text the statement was parsed from (spans index into it); used for predicate descriptions.</param>
        public static QueryShape Build(SqlStatement statement, string source)
        {
            if (statement is null)
            {
                throw new ArgumentNullException(nameof(statement));
            }

            return new ShapeBuildSession(source ?? throw new ArgumentNullException(nameof(source))).Build(statement);
        }
    }
}
