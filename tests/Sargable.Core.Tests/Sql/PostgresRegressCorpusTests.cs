using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>
    /// DML copied from PostgreSQL's regression tests (Sql/PostgresRegress/README.md names the sources): statements
    /// PostgreSQL's parser accepts. At least 99% of them must parse.
    /// </summary>
    public sealed class PostgresRegressCorpusTests
    {
        private static string Directory => Path.Combine(AppContext.BaseDirectory, "Sql", "PostgresRegress");

        [Fact]
        public void At_least_99_percent_of_the_regression_suites_dml_parses()
        {
            var failures = new List<string>();
            var total = 0;
            foreach (var file in System.IO.Directory.GetFiles(Directory, "*.sql").OrderBy(f => f, StringComparer.Ordinal))
            {
                var script = File.ReadAllText(file);
                foreach (var segment in SqlScriptSplitter.Split(script))
                {
                    total++;
                    try
                    {
                        SqlParser.ParseStatement(script, segment.Start, segment.Length);
                    }
                    catch (SqlParseException error)
                    {
                        failures.Add($"{Path.GetFileName(file)}:{error.Message}");
                    }
                }
            }

            Assert.True(total >= 100, $"only {total} statements in the corpus");
            var share = (double)(total - failures.Count) / total;
            Assert.True(share >= 0.99, $"{total - failures.Count} of {total} parse ({share:P1}):\n" + string.Join("\n", failures));
        }

        /// <summary>xml.sql is ours (one or more statements per SQL/XML form), so the 99% share would hide a form we stopped reading.</summary>
        [Fact]
        public void Every_statement_of_the_xml_file_parses()
        {
            var script = File.ReadAllText(Path.Combine(Directory, "xml.sql"));
            var segments = SqlScriptSplitter.Split(script).ToList();
            Assert.True(segments.Count >= 30, $"only {segments.Count} statements in xml.sql");
            foreach (var segment in segments)
            {
                SqlParser.ParseStatement(script, segment.Start, segment.Length);
            }
        }
    }
}
