using System;
using System.Collections.Generic;
using Sargable.Registry;
using Sargable.Rules;
using Sargable.Shapes.Sql;
using Sargable.Sql;
using Sargable.Shapes;

namespace Sargable
{
    /// <summary>
    /// The one rules engine: SQL text or a ready shape in, findings out, against one index registry.
    /// Immutable and thread-safe; every front-end (CLI, EF Core guard, analyzers, plan reader) goes through it.
    /// </summary>
    public sealed class SargableEngine
    {
        /// <summary>An engine checking against <paramref name="registry"/> with <paramref name="options"/> (defaults when null).</summary>
        public SargableEngine(IndexRegistry registry, RuleOptions? options = null)
        {
            Registry = registry ?? throw new ArgumentNullException(nameof(registry));
            Options = options ?? RuleOptions.Default;
        }

        /// <summary>The indexes statements are checked against.</summary>
        public IndexRegistry Registry { get; }

        /// <summary>Thresholds, severities and disabled rules.</summary>
        public RuleOptions Options { get; }

        /// <summary>Applies every enabled shape rule to a shape; suppressed rules are left out.</summary>
        public IReadOnlyList<Finding> Evaluate(QueryShape shape)
        {
            if (shape is null)
            {
                throw new ArgumentNullException(nameof(shape));
            }

            if (shape.Accesses.Count == 0)
            {
                return Array.Empty<Finding>();
            }

            var context = new RuleContext(shape, Registry, Options);
            foreach (var rule in ShapeRules.All)
            {
                rule.Evaluate(context);
            }

            return context.Findings;
        }

        /// <summary>
        /// Checks the text of one command (what a driver executes). A command holding several statements (a batched
        /// SaveChanges) is checked statement by statement and the findings are combined; <see cref="StatementVerdict.Shape"/>
        /// is set when the command is a single statement. A parse failure is reported in the verdict, never thrown.
        /// </summary>
        public StatementVerdict CheckStatement(string sql)
        {
            if (sql is null)
            {
                throw new ArgumentNullException(nameof(sql));
            }

            var verdicts = CheckScript(sql);
            switch (verdicts.Count)
            {
                case 0:
                    return new StatementVerdict(0, 1, 1, sql, Array.Empty<Finding>(), new QueryShape(StatementKind.Other, Array.Empty<TableAccess>()), null);
                case 1:
                    var single = verdicts[0];
                    return new StatementVerdict(0, single.Line, single.Column, sql, single.Findings, single.Shape, single.ParseError);
                default:
                    var findings = new List<Finding>();
                    ParseError? error = null;
                    foreach (var verdict in verdicts)
                    {
                        findings.AddRange(verdict.Findings);
                        error ??= verdict.ParseError;
                    }

                    return new StatementVerdict(0, verdicts[0].Line, verdicts[0].Column, sql, findings, null, error);
            }
        }

        /// <summary>Splits a script on semicolons outside literals and comments and checks each statement.</summary>
        public IReadOnlyList<StatementVerdict> CheckScript(string script)
        {
            if (script is null)
            {
                throw new ArgumentNullException(nameof(script));
            }

            var segments = SqlScriptSplitter.Split(script);
            var verdicts = new StatementVerdict[segments.Count];
            for (var i = 0; i < segments.Count; i++)
            {
                verdicts[i] = CheckSegment(script, segments[i], i);
            }

            return verdicts;
        }

        private StatementVerdict CheckSegment(string script, SqlSegment segment, int index)
        {
            SqlStatement statement;
            try
            {
                statement = SqlParser.ParseStatement(script, segment.Start, segment.Length);
            }
            catch (SqlParseException e)
            {
                return new StatementVerdict(index, segment.Line, segment.Column, segment.Text, Array.Empty<Finding>(), null, new ParseError(e.Description, e.Line, e.Column));
            }

            QueryShape shape;
            try
            {
                shape = SqlShapeBuilder.Build(statement, script);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or IndexOutOfRangeException or InvalidCastException)
            {
                // A defect in the shape builder must not break the application's query: report the statement as not checked.
                var message = $"Sargable could not analyse this statement ({e.GetType().Name}: {e.Message}); please report it.";
                return new StatementVerdict(index, segment.Line, segment.Column, segment.Text, Array.Empty<Finding>(), null, new ParseError(message, segment.Line, segment.Column));
            }

            return new StatementVerdict(index, segment.Line, segment.Column, segment.Text, Evaluate(shape), shape, null);
        }
    }
}
