using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    public sealed class VisitorTests
    {
        private static IEnumerable<Type> ConcreteNodeTypes() =>
            typeof(SqlNode).Assembly.GetTypes().Where(t => typeof(SqlNode).IsAssignableFrom(t) && !t.IsAbstract);

        [Fact]
        public void Every_node_type_has_a_visit_method_in_both_visitors()
        {
            var types = ConcreteNodeTypes().ToArray();
            Assert.True(types.Length >= 60, "node types: " + types.Length);
            foreach (var type in types)
            {
                var walker = typeof(SqlVisitor).GetMethod("Visit" + type.Name, new[] { type });
                var generic = typeof(SqlVisitor<int>).GetMethod("Visit" + type.Name, new[] { type });
                Assert.True(walker is { IsVirtual: true }, type.Name);
                Assert.True(generic is { IsVirtual: true }, type.Name);
            }
        }

        [Fact]
        public void Walker_reaches_columns_everywhere_in_source_order()
        {
            const string Sql =
                "WITH c AS (SELECT a FROM t) SELECT b, f(g) OVER (PARTITION BY h ORDER BY i) FROM c JOIN u ON j = k " +
                "WHERE l IN (SELECT m FROM v WHERE n = ANY (o)) AND CASE WHEN p THEN q ELSE r END ORDER BY s LIMIT (SELECT w FROM x)";
            var walker = new ColumnCollector();
            walker.Visit(Parse.Statement(Sql));
            Assert.Equal("a b g h i j k l m n o p q r s w".Split(' '), walker.Columns);
        }

        [Fact]
        public void Child_nodes_are_direct_children_in_source_order()
        {
            var select = Parse.Select("SELECT x, y FROM t WHERE z = 1 GROUP BY x HAVING count(*) > 1");
            var children = select.ChildNodes();
            Assert.Equal(new[] { "SelectItem", "SelectItem", "TableReference", "BinaryExpression", "ColumnReference", "BinaryExpression" }, children.Select(c => c.GetType().Name));
            Assert.True(children.Zip(children.Skip(1), (a, b) => a.Span.Start < b.Span.Start).All(ordered => ordered));
            var frame = Assert.IsType<FunctionCall>(Parse.Expression("sum(x) OVER (ROWS BETWEEN 2 PRECEDING AND 3 FOLLOWING)")).Over!.Frame!;
            Assert.Equal(new[] { "2", "3" }, frame.ChildNodes().Select(n => Names.Of((SqlExpression)n)));
        }

        [Fact]
        public void Generic_visitor_dispatches_on_node_type()
        {
            var counter = new OperatorCounter();
            var where = Parse.Where("a = 1 AND (b < 2 OR c LIKE 'x') AND d IS NULL");
            Assert.Equal(4, counter.Visit(where));
        }

        private sealed class ColumnCollector : SqlVisitor
        {
            public List<string> Columns { get; } = new();

            public override void VisitColumnReference(ColumnReference node) => Columns.Add(node.Column.Value);
        }

        /// <summary>Counts predicates below AND/OR; everything else counts zero.</summary>
        private sealed class OperatorCounter : SqlVisitor<int>
        {
            public override int VisitLogicalExpression(LogicalExpression node) => node.Operands.Sum(Visit);

            public override int VisitBinaryExpression(BinaryExpression node) => 1;

            public override int VisitLikeExpression(LikeExpression node) => 1;

            public override int VisitIsNullExpression(IsNullExpression node) => 1;
        }
    }
}
