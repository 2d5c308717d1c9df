namespace Sargable.Sql
{
    /// <summary>How a <see cref="Parameter"/> placeholder was written.</summary>
    public enum ParameterKind : byte
    {
        /// <summary><c>@name</c>: EF Core with Npgsql or SQLite, ADO.NET.</summary>
        Named,

        /// <summary><c>$1</c>: PostgreSQL's own placeholders (server logs, pg_stat_statements).</summary>
        Positional,

        /// <summary><c>:name</c>: SQLite and ORMs such as Hibernate.</summary>
        Colon,

        /// <summary><c>?</c>: ODBC, JDBC and SQLite; numbered in order of appearance.</summary>
        QuestionMark,
    }
}
