using System.Linq;
using Sargable.Shapes;

namespace Sargable.Core.Tests.Shapes
{
    public sealed class TableAccessCopyTests
    {
        private static TableAccess Sample() => new(2, "deployments")
        {
            Schema = "public",
            Alias = "d",
            Block = 1,
            Operation = AccessOperation.Update,
            Driver = AccessDriver.Join,
            Equalities = new[] { new ColumnEquality("project_id", EqualityKind.Value), new ColumnEquality("environment_id", EqualityKind.JoinColumn, null, 0, "id") },
            Ranges = new[] { new ColumnRange("updated_at", RangeKind.LessOrEqual) },
            Unusable = new[] { new UnusablePredicate(UnusableReason.NotEqual, "status", "status <> ...") },
            OrderBy = new[] { new OrderColumn("updated_at", true) },
            OrderByUnresolved = true,
            Limit = RowCount.Constant(20),
            Offset = new RowCount(RowCountKind.Parameter),
            Aggregated = true,
            Location = new SourceLocation(10, 2, 3),
        };

        [Fact]
        public void Renumbered_moves_the_id_block_and_join_partners_and_keeps_the_rest()
        {
            var original = Sample();
            var moved = original.Renumbered(offset: 3, blockOffset: 2);

            Assert.Equal(5, moved.Id);
            Assert.Equal(3, moved.Block);
            Assert.Equal(new int?[] { null, 3 }, moved.Equalities.Select(e => e.PartnerAccess));
            Assert.Equal(original.Equalities.Select(e => (e.Column, e.Kind, e.PartnerColumn)), moved.Equalities.Select(e => (e.Column, e.Kind, e.PartnerColumn)));
            AssertSameExceptIdBlockAndEqualities(original, moved);
            Assert.Same(original.Limit, moved.Limit);
            Assert.Same(original.Offset, moved.Offset);
        }

        [Fact]
        public void Without_paging_drops_only_limit_and_offset()
        {
            var original = Sample();
            var unpaged = original.WithoutPaging();

            Assert.Null(unpaged.Limit);
            Assert.Null(unpaged.Offset);
            Assert.Equal(original.Id, unpaged.Id);
            Assert.Equal(original.Block, unpaged.Block);
            Assert.Same(original.Equalities, unpaged.Equalities);
            AssertSameExceptIdBlockAndEqualities(original, unpaged);
        }

        private static void AssertSameExceptIdBlockAndEqualities(TableAccess expected, TableAccess actual)
        {
            Assert.Equal(expected.Table, actual.Table);
            Assert.Equal(expected.Schema, actual.Schema);
            Assert.Equal(expected.Alias, actual.Alias);
            Assert.Equal(expected.Operation, actual.Operation);
            Assert.Equal(expected.Driver, actual.Driver);
            Assert.Same(expected.Ranges, actual.Ranges);
            Assert.Same(expected.Unusable, actual.Unusable);
            Assert.Same(expected.OrderBy, actual.OrderBy);
            Assert.Equal(expected.OrderByUnresolved, actual.OrderByUnresolved);
            Assert.Equal(expected.Aggregated, actual.Aggregated);
            Assert.Equal(expected.Location, actual.Location);
        }
    }
}
