using System.Collections.Generic;
using Sargable.Registry;
using Sargable.Shapes;

namespace Sargable.Core.Tests.Rules
{
    /// <summary>Builds shapes by hand so rule tests do not depend on the SQL front-end.</summary>
    internal sealed class AccessBuilder
    {
        private readonly List<ColumnEquality> equalities = new();
        private readonly List<ColumnRange> ranges = new();
        private readonly List<UnusablePredicate> unusable = new();
        private readonly List<OrderColumn> order = new();
        private readonly string table;
        private RowCount? limit;
        private RowCount? offset;
        private bool aggregated;
        private int block;
        private AccessDriver driver = AccessDriver.None;
        private AccessOperation operation = AccessOperation.Read;

        public AccessBuilder(string table) => this.table = table;

        public AccessBuilder Eq(params string[] columns)
        {
            foreach (var column in columns)
            {
                equalities.Add(new ColumnEquality(column, EqualityKind.Value));
            }

            return this;
        }

        /// <summary><c>column = literal</c> (or a lone boolean test) on a column the front-end knows to be of <paramref name="domain"/>.</summary>
        public AccessBuilder EqLiteral(string column, string literal, ColumnDomain domain, string? storedColumn = null)
        {
            equalities.Add(new ColumnEquality(column, EqualityKind.Value) { Literal = literal, Domain = domain, StoredColumn = storedColumn });
            return this;
        }

        public AccessBuilder EqList(string column)
        {
            equalities.Add(new ColumnEquality(column, EqualityKind.List));
            return this;
        }

        public AccessBuilder JoinEq(string column, int? partner, string partnerColumn = "id")
        {
            equalities.Add(new ColumnEquality(column, EqualityKind.JoinColumn, null, partner, partnerColumn));
            driver = AccessDriver.Join;
            return this;
        }

        public AccessBuilder OuterEq(string column)
        {
            equalities.Add(new ColumnEquality(column, EqualityKind.OuterColumn, null, null, "id"));
            driver = AccessDriver.Correlated;
            return this;
        }

        public AccessBuilder Range(string column, RangeKind kind = RangeKind.LessOrEqual)
        {
            ranges.Add(new ColumnRange(column, kind));
            return this;
        }

        public AccessBuilder Unusable(UnusableReason reason, string column, string description)
        {
            unusable.Add(new UnusablePredicate(reason, column, description));
            return this;
        }

        public AccessBuilder OrderBy(string column, bool descending = false, bool? nullsFirst = null)
        {
            order.Add(new OrderColumn(column, descending, nullsFirst));
            return this;
        }

        public AccessBuilder Limit(long value)
        {
            limit = RowCount.Constant(value);
            return this;
        }

        public AccessBuilder LimitParameter()
        {
            limit = new RowCount(RowCountKind.Parameter);
            return this;
        }

        public AccessBuilder Offset(long value)
        {
            offset = RowCount.Constant(value);
            return this;
        }

        public AccessBuilder OffsetParameter()
        {
            offset = new RowCount(RowCountKind.Parameter);
            return this;
        }

        public AccessBuilder Aggregated()
        {
            aggregated = true;
            return this;
        }

        public AccessBuilder InBlock(int value)
        {
            block = value;
            return this;
        }

        public AccessBuilder Operation(AccessOperation value)
        {
            operation = value;
            return this;
        }

        public TableAccess Build(int id) => new(id, table)
        {
            Block = block,
            Driver = driver,
            Operation = operation,
            Equalities = equalities,
            Ranges = ranges,
            Unusable = unusable,
            OrderBy = order,
            Limit = limit,
            Offset = offset,
            Aggregated = aggregated,
        };
    }

    internal static class Shape
    {
        public static AccessBuilder Of(string table) => new(table);

        public static QueryShape Select(params AccessBuilder[] accesses) => Statement(StatementKind.Select, accesses);

        public static QueryShape Statement(StatementKind kind, params AccessBuilder[] accesses)
        {
            var built = new List<TableAccess>();
            for (var i = 0; i < accesses.Length; i++)
            {
                built.Add(accesses[i].Build(i));
            }

            return new QueryShape(kind, built);
        }
    }

    /// <summary>The deployments schema of GitLab's DeploymentsFinder, as a registry.</summary>
    internal static class DeploymentsRegistry
    {
        public static IndexRegistry Create() => new(new[]
        {
            new RegisteredTable("deployments", new[]
            {
                new IndexDefinition("deployments_pkey", new[] { new IndexColumn("id") }, primaryKey: true),
                new IndexDefinition("index_deployments_on_project_id_and_iid", new[] { new IndexColumn("project_id"), new IndexColumn("iid") }, unique: true),
                new IndexDefinition("index_deployments_on_project_and_env_and_updated_at_id", new[] { new IndexColumn("project_id"), new IndexColumn("environment_id"), new IndexColumn("updated_at"), new IndexColumn("id") }),
                new IndexDefinition("index_deployments_on_environment_id_and_finished_at_and_id", new[] { new IndexColumn("environment_id"), new IndexColumn("finished_at"), new IndexColumn("id") }),
            }),
            new RegisteredTable("environments", new[]
            {
                new IndexDefinition("environments_pkey", new[] { new IndexColumn("id") }, primaryKey: true),
                new IndexDefinition("index_environments_on_project_id_and_name", new[] { new IndexColumn("project_id"), new IndexColumn("name") }, unique: true),
            }),
            new RegisteredTable("projects", new[]
            {
                new IndexDefinition("projects_pkey", new[] { new IndexColumn("id") }, primaryKey: true),
                new IndexDefinition("index_projects_on_namespace_id", new[] { new IndexColumn("namespace_id") }),
            }),
            new RegisteredTable("settings", new[] { new IndexDefinition("settings_pkey", new[] { new IndexColumn("id") }, primaryKey: true) }, small: true),
        });

        public static SargableEngine Engine(RuleOptions? options = null) => new(Create(), options);
    }
}
