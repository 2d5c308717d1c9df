using System.Linq;

namespace Sargable.Core.Tests.Rules
{
    /// <summary>SARG0007 is about pages: an OFFSET or a keyset continuation, not a top-N read once.</summary>
    public sealed class TieBreakerPagingOnlyTests
    {
        private readonly SargableEngine engine = DeploymentsRegistry.Engine();

        [Fact]
        public void A_plain_top_n_without_offset_is_not_reported()
        {
            RuleAssert.None(engine.Evaluate(Shape.Select(Shape.Of("environments").OrderBy("name").Limit(20))), RuleIds.NoUniqueTieBreaker);
        }

        [Fact]
        public void An_offset_page_on_a_non_unique_order_is_reported()
        {
            RuleAssert.Single(engine.Evaluate(Shape.Select(Shape.Of("environments").OrderBy("name").Limit(20).Offset(40))), RuleIds.NoUniqueTieBreaker);
        }

        [Fact]
        public void A_keyset_page_on_a_non_unique_order_is_reported()
        {
            var shape = Shape.Select(Shape.Of("deployments").Eq("environment_id").Range("finished_at", Sargable.Shapes.RangeKind.LessThan).OrderBy("finished_at", descending: true).Limit(20));

            var finding = RuleAssert.Single(engine.Evaluate(shape), RuleIds.NoUniqueTieBreaker);
            Assert.Equal(new[] { "finished_at DESC", "id DESC" }, finding.SuggestedOrder!.Select(o => o.ToString()));
        }
    }
}
