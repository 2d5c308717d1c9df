using System.Collections.Generic;

namespace Sargable.Shapes.Sql
{
    /// <summary>A table access while its statement is being read; frozen into a <see cref="TableAccess"/> at the end.</summary>
    internal sealed class AccessDraft
    {
        public AccessDraft(int id, string table, string? schema, string? alias, int block, AccessDriver driver, AccessOperation operation, SourceLocation location)
        {
            Id = id;
            Table = table;
            Schema = schema;
            Alias = alias;
            Block = block;
            Driver = driver;
            Operation = operation;
            Location = location;
        }

        public int Id { get; }

        public string Table { get; }

        public string? Schema { get; }

        public string? Alias { get; }

        public int Block { get; }

        public AccessDriver Driver { get; set; }

        public AccessOperation Operation { get; }

        public SourceLocation Location { get; }

        public List<ColumnEquality> Equalities { get; } = new();

        public List<ColumnRange> Ranges { get; } = new();

        public List<UnusablePredicate> Unusable { get; } = new();

        public List<OrderColumn> OrderBy { get; } = new();

        public bool OrderByUnresolved { get; set; }

        public RowCount? Limit { get; set; }

        public RowCount? Offset { get; set; }

        public bool Aggregated { get; set; }

        public bool Sampled { get; set; }

        public bool AtCursor { get; set; }
        public bool WindowedOnly { get; set; }

        public TableAccess Freeze() => new(Id, Table)
        {
            Schema = Schema,
            Alias = Alias,
            Block = Block,
            Driver = Driver,
            Operation = Operation,
            Equalities = Equalities.ToArray(),
            Ranges = Ranges.ToArray(),
            Unusable = Unusable.ToArray(),
            OrderBy = OrderBy.ToArray(),
            OrderByUnresolved = OrderByUnresolved,
            Limit = Limit,
            Offset = Offset,
            Aggregated = Aggregated,
            Sampled = Sampled,
            AtCursor = AtCursor,
            WindowedOnly = WindowedOnly,
            Location = Location,
        };
    }
}
