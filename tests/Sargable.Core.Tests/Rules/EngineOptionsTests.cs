using Sargable.Registry;
using System.Collections.Generic;
using Sargable.Shapes;

namespace Sargable.Core.Tests.Rules
{
    public sealed class EngineOptionsTests
    {
        [Fact]
        public void A_suppression_in_the_shape_silences_only_its_rule()
        {
            var access = Shape.Of("deployments").Build(0);
            var shape = new QueryShape(StatementKind.Select, new[] { access }, new[] { new RuleSuppression("SARG0001", "nightly export") });

            RuleAssert.Clean(DeploymentsRegistry.Engine().Evaluate(shape));
        }

        [Fact]
        public void Disabled_rules_and_severity_overrides_apply()
        {
            var options = new RuleOptions
            {
                Severities = new Dictionary<string, Severity> { ["SARG0006"] = Severity.Error },
                DisabledRules = new[] { "SARG0001" },
            };
            var engine = DeploymentsRegistry.Engine(options);

            RuleAssert.Clean(engine.Evaluate(Shape.Select(Shape.Of("deployments"))));
            Assert.Equal(Severity.Error, RuleAssert.Single(engine.Evaluate(Shape.Select(Shape.Of("deployments").Eq("sha"))), "SARG0006").Severity);
        }

        [Fact]
        public void Identifiers_that_need_quotes_are_quoted_in_suggested_ddl()
        {
            var registry = new IndexRegistry(new[] { new RegisteredTable("Deployments", schema: "App") });
            var finding = RuleAssert.Single(new SargableEngine(registry).Evaluate(new QueryShape(StatementKind.Select, new[]
            {
                new TableAccess(0, "Deployments") { Schema = "App", Equalities = new[] { new ColumnEquality("ProjectId", EqualityKind.Value), new ColumnEquality("order", EqualityKind.Value) } },
            })), "SARG0006");

            Assert.Equal("CREATE INDEX CONCURRENTLY index_deployments_on_projectid_and_order ON \"App\".\"Deployments\" (\"ProjectId\", \"order\")", finding.SuggestedIndex);
        }
    }
}
