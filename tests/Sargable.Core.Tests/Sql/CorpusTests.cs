using System;
using System.Collections.Generic;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class CorpusTests
    {
        [Fact]
        public void Corpus_has_at_least_forty_statements_across_themes()
        {
            Assert.True(SqlCorpus.Statements.Count >= 40, "statements: " + SqlCorpus.Statements.Count);
            Assert.True(SqlCorpus.Statements.Select(s => s.File).Distinct().Count() >= 8);
        }

        [Fact]
        public void Every_corpus_statement_parses_with_spans_inside_its_segment()
        {
            var failures = new List<string>();
            foreach (var entry in SqlCorpus.Statements)
            {
                try
                {
                    var statement = SqlParser.ParseStatement(entry.Script, entry.Segment.Start, entry.Segment.Length);
                    var segmentEnd = entry.Segment.Start + entry.Segment.Length;
                    foreach (var node in Walk(statement))
                    {
                        if (node.Span.Start < entry.Segment.Start || node.Span.End > segmentEnd || node.Span.Length <= 0 && node is not SqlStatement)
                        {
                            failures.Add($"{entry}: {node.GetType().Name} span {node.Span} outside the segment");
                        }
                    }
                }
                catch (SqlParseException exception)
                {
                    failures.Add($"{entry}: {exception.Message}");
                }
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }

        [Fact]
        public void Corpus_exercises_every_node_type()
        {
            var seen = new HashSet<Type>();
            foreach (var entry in SqlCorpus.Statements)
            {
                foreach (var node in Walk(SqlParser.ParseStatement(entry.Script, entry.Segment.Start, entry.Segment.Length)))
                {
                    seen.Add(node.GetType());
                }
            }

            var missing = typeof(SqlNode).Assembly.GetTypes()
                .Where(t => typeof(SqlNode).IsAssignableFrom(t) && !t.IsAbstract && !seen.Contains(t))
                .Select(t => t.Name)
                .ToArray();
            Assert.True(missing.Length == 0, "Not in the corpus: " + string.Join(", ", missing));
        }

        [Theory]
        [InlineData("ef_core_npgsql.sql", typeof(SelectStatement), typeof(DeleteStatement), typeof(UpdateStatement), typeof(InsertStatement))]
        [InlineData("dml.sql", typeof(InsertStatement), typeof(UpdateStatement), typeof(DeleteStatement), typeof(SelectStatement))]
        [InlineData("ddl.sql", typeof(CreateTableStatement), typeof(CreateIndexStatement), typeof(AlterTableStatement), typeof(OtherStatement))]
        public void Corpus_files_hold_the_statement_kinds_they_are_named_for(string file, params Type[] kinds)
        {
            var parsed = SqlCorpus.Statements.Where(s => s.File == file)
                .Select(s => SqlParser.ParseStatement(s.Script, s.Segment.Start, s.Segment.Length).GetType())
                .ToHashSet();
            Assert.All(kinds, kind => Assert.Contains(kind, parsed));
        }

        [Fact]
        public void Tag_with_comments_in_the_corpus_stay_with_their_statement()
        {
            var tagged = SqlCorpus.Statements.Single(s => s.Segment.Text.Contains("sargable:allow", StringComparison.Ordinal));
            var statement = SqlParser.ParseStatement(tagged.Script, tagged.Segment.Start, tagged.Segment.Length);
            Assert.Contains(statement.Comments, c => c.Text.Trim().StartsWith("sargable:allow SARG0003", StringComparison.Ordinal));
            Assert.IsType<SelectStatement>(statement);
        }

        internal static IEnumerable<SqlNode> Walk(SqlNode root)
        {
            var stack = new Stack<SqlNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                yield return node;
                foreach (var child in node.ChildNodes())
                {
                    stack.Push(child);
                }
            }
        }
    }
}
