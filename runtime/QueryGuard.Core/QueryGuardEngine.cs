using System;
using System.Collections.Generic;
using QueryGuard.Registry;
using QueryGuard.Rules;
using QueryGuard.Shapes;

namespace QueryGuard
{
    /// <summary>
    /// The one rules engine: SQL text or a ready shape in, findings out, against one index registry.
    /// Immutable and thread-safe; every front-end (CLI, EF Core guard, analyzers, plan reader) goes through it.
    /// </summary>
    public sealed class QueryGuardEngine
    {
        public QueryGuardEngine(IndexRegistry registry, RuleOptions? options = null)
        {
            Registry = registry ?? throw new ArgumentNullException(nameof(registry));
            Options = options ?? RuleOptions.Default;
        }

        public IndexRegistry Registry { get; }

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

        /// <summary>Parses one statement and evaluates it; a parse failure is reported in the verdict, never thrown.</summary>
        public StatementVerdict CheckStatement(string sql) => throw new NotImplementedException("Parser lands with the core engine.");

        /// <summary>Splits a script on semicolons outside literals and comments and checks each statement.</summary>
        public IReadOnlyList<StatementVerdict> CheckScript(string script) => throw new NotImplementedException("Parser lands with the core engine.");
    }
}
