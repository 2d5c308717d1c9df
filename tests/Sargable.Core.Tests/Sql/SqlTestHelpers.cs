using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>Short ways to parse a fragment and get at the node a test is about.</summary>
    internal static class Parse
    {
        public static SqlStatement Statement(string sql) => SqlParser.ParseStatement(sql);

        public static T Statement<T>(string sql)
            where T : SqlStatement => Assert.IsType<T>(SqlParser.ParseStatement(sql));

        /// <summary>The query of a SELECT statement.</summary>
        public static QueryExpression Query(string sql) => Statement<SelectStatement>(sql).Query;

        /// <summary>The single SELECT block of a query.</summary>
        public static SelectCore Select(string sql) => Assert.IsType<SelectCore>(Query(sql).Body);

        /// <summary>The expression of <c>SELECT expression</c>.</summary>
        public static SqlExpression Expression(string expression) => Assert.Single(Select("SELECT " + expression).Items).Expression;

        /// <summary>The WHERE condition of <c>SELECT * FROM t WHERE condition</c>.</summary>
        public static SqlExpression Where(string condition) => Select("SELECT * FROM t WHERE " + condition).Where!;

        /// <summary>The single FROM item of <c>SELECT * FROM from</c>.</summary>
        public static FromItem From(string from) => Assert.Single(Select("SELECT * FROM " + from).From);

        public static SqlParseException Error(string sql) => Assert.Throws<SqlParseException>(() => SqlParser.ParseStatement(sql));
    }

    internal static class Names
    {
        /// <summary>The resolved parts of a column reference joined by dots, e.g. <c>d.id</c>.</summary>
        public static string Of(SqlExpression expression) => expression switch
        {
            ColumnReference column => string.Join(".", column.Parts.Select(p => p.Value)),
            StarExpression star => string.Join(".", star.Qualifier.Select(p => p.Value).Append("*")),
            Parameter parameter => parameter.Text,
            Literal literal => literal.Text,
            _ => throw new InvalidOperationException("Not a name: " + expression.GetType().Name),
        };

        public static string[] Of(IEnumerable<SqlIdentifier> identifiers) => identifiers.Select(i => i.Value).ToArray();
    }

    /// <summary>The hand-written statements in Sql/Corpus, one entry per statement.</summary>
    internal static class SqlCorpus
    {
        private static readonly Lazy<IReadOnlyList<CorpusStatement>> s_statements = new(Load);

        public static IReadOnlyList<CorpusStatement> Statements => s_statements.Value;

        public static string Directory => Path.Combine(AppContext.BaseDirectory, "Sql", "Corpus");

        private static IReadOnlyList<CorpusStatement> Load()
        {
            var statements = new List<CorpusStatement>();
            foreach (var file in System.IO.Directory.GetFiles(Directory, "*.sql").OrderBy(f => f, StringComparer.Ordinal))
            {
                var script = File.ReadAllText(file);
                foreach (var segment in SqlScriptSplitter.Split(script))
                {
                    statements.Add(new CorpusStatement(Path.GetFileName(file), script, segment));
                }
            }

            return statements;
        }
    }

    internal sealed record CorpusStatement(string File, string Script, SqlSegment Segment)
    {
        public override string ToString() => $"{File}:{Segment.Line}";
    }
}
