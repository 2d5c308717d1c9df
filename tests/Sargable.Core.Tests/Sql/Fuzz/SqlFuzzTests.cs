using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Sargable.Sql;
using Xunit.Abstractions;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>
    /// Throws hostile input at the parser: every input must parse or fail with a well-formed SqlParseException, in work
    /// linear in its size, with a bounded AST depth. Set SARGABLE_FUZZ_SEED to replay a run.
    /// </summary>
    public sealed class SqlFuzzTests
    {
        private const int DefaultSeed = 20251122;
        private const int Inputs = 100_000;

        /// <summary>Token reads per input character; a token is at least one character.</summary>
        private const int MaxWorkPerChar = WorkCounterTests.MaxWorkPerToken;

        /// <summary>Nesting budget plus the few levels between statement and expression.</summary>
        private const int MaxTreeDepth = (2 * SqlStatementParser.MaxDepth) + 16;

        private readonly ITestOutputHelper _output;

        public SqlFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Random_and_mutated_sql_parses_or_fails_cleanly_in_linear_work()
        {
            var seed = Seed();
            _output.WriteLine($"Fuzz seed {seed} (set SARGABLE_FUZZ_SEED to replay), {Inputs} inputs.");
            var corpus = SqlCorpus.Statements.Select(s => s.Segment.Text).ToArray();
            var inputs = new SqlFuzzInputs(seed, corpus);
            var parsed = 0;
            var maxWorkPerToken = 0.0;
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < Inputs; i++)
            {
                var input = inputs.Next();
                if (Check(input, i, seed))
                {
                    parsed++;
                }

                maxWorkPerToken = Math.Max(maxWorkPerToken, (double)SqlParser.LastWorkUnits / (SqlParser.LastTokenCount + 1));
                CheckSplit(input, i, seed);
            }

            _output.WriteLine($"{parsed} parsed, {Inputs - parsed} rejected, max work per token {maxWorkPerToken:F1}, {stopwatch.ElapsedMilliseconds} ms.");
            Assert.InRange(parsed, Inputs / 20, Inputs - (Inputs / 20));
        }

        private static int Seed()
        {
            var text = Environment.GetEnvironmentVariable("SARGABLE_FUZZ_SEED");
            return string.IsNullOrWhiteSpace(text) ? DefaultSeed : int.Parse(text, CultureInfo.InvariantCulture);
        }

        /// <summary>True when the input parsed; fails the test with the input when anything is off.</summary>
        private static bool Check(string input, int index, int seed)
        {
            SqlStatement? statement = null;
            try
            {
                statement = SqlParser.ParseStatement(input);
            }
            catch (SqlParseException exception)
            {
                if (exception.InnerException is not null || exception.Line < 1 || exception.Column < 1
                    || exception.Offset < 0 || exception.Offset > input.Length || exception.Expected.Length == 0 || exception.Found.Length == 0)
                {
                    Fail("malformed SqlParseException: " + exception, input, index, seed);
                }
            }
            catch (Exception exception)
            {
                Fail(exception.ToString(), input, index, seed);
            }

            var work = SqlParser.LastWorkUnits;
            var tokens = SqlParser.LastTokenCount;
            if (work > MaxWorkPerChar * (input.Length + 1L) || work > WorkCounterTests.MaxWorkPerToken * (tokens + 1L))
            {
                Fail($"work {work} for {input.Length} characters and {tokens} tokens", input, index, seed);
            }

            if (statement is null)
            {
                return false;
            }

            var depth = Depth(statement, input, index, seed);
            if (depth > MaxTreeDepth)
            {
                Fail($"tree depth {depth}", input, index, seed);
            }

            return true;
        }

        /// <summary>Tree depth, checking on the way that every span lies inside the input.</summary>
        private static int Depth(SqlNode root, string input, int index, int seed)
        {
            var max = 0;
            var stack = new System.Collections.Generic.Stack<(SqlNode Node, int Depth)>();
            stack.Push((root, 1));
            while (stack.Count > 0)
            {
                var (node, depth) = stack.Pop();
                max = Math.Max(max, depth);
                if (node.Span.Start < 0 || node.Span.End > input.Length || node.Span.Length < 0)
                {
                    Fail($"{node.GetType().Name} span {node.Span} outside the input", input, index, seed);
                }

                foreach (var child in node.ChildNodes())
                {
                    stack.Push((child, depth + 1));
                }
            }

            return max;
        }

        private static void CheckSplit(string input, int index, int seed)
        {
            try
            {
                var previousEnd = 0;
                foreach (var segment in SqlScriptSplitter.Split(input))
                {
                    if (segment.Start < previousEnd || segment.Length <= 0 || segment.Text != input.Substring(segment.Start, segment.Length))
                    {
                        Fail($"bad segment {segment.Start}+{segment.Length}", input, index, seed);
                    }

                    previousEnd = segment.Start + segment.Length;
                }
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Fail("splitter threw " + exception, input, index, seed);
            }
        }

        private static void Fail(string problem, string input, int index, int seed)
        {
            var shown = input.Length > 2_000 ? input.Substring(0, 2_000) + "..." : input;
            Assert.Fail($"Fuzz input #{index} (seed {seed}): {problem}{Environment.NewLine}Input ({input.Length} chars):{Environment.NewLine}{shown}");
        }
    }
}
