using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0006NoIndexForFilterTests
    {
        private const string Rule = RuleIds.NoIndexForFilter;

        [Fact]
        public Task Column_with_no_index() => Verify.DiagnosticsAsync("""
            namespace App;
            class Running
            {
                Task<List<Deployment>> Run(AppDb db, string refName) => db.Deployments
                    .[|Where(d => d.Ref == refName && d.Status == DeploymentStatus.Running)|]
                    .ToListAsync();
            }
            """, Rule);

        [Fact]
        public Task Later_column_of_an_index_only() => Verify.DiagnosticsAsync("""
            namespace App;
            class Stale
            {
                int Run(AppDb db, DateTime before) => db.Deployments.[|Count(d => d.UpdatedAt <= before)|];
            }
            """, Rule);

        [Fact]
        public Task Function_on_column_and_leading_wildcard() => Verify.DiagnosticsAsync("""
            namespace App;
            class Search
            {
                List<Project> ByLowerName(AppDb db, string name) => db.Projects.[|Where(p => p.Name.ToLower() == name)|].ToList();
                List<Project> Containing(AppDb db, string text) => db.Projects.[|Where(p => p.Name.Contains(text))|].ToList();
            }
            """, Rule);

        [Theory]
        [InlineData("await db.Deployments.Where(d => d.ProjectId == projectId && d.Ref == refName).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => d.EnvironmentId == environmentId).ToListAsync();")]
        [InlineData("await db.Deployments.Where(d => ids.Contains(d.Id)).ToListAsync();")]
        [InlineData("await db.Environments.Where(e => e.ProjectId == projectId).ToListAsync();")]
        public Task A_filter_an_index_leads_with_is_fine(string query) => Verify.NoDiagnosticsAsync(TestModel.InMethod("var result = " + query), Rule);

        private const string ProjectsByName = """
            namespace App;
            class Search
            {
                List<Project> ByName(AppDb db, string name) => db.Projects.Where(p => p.Name == name).ToList();
            }
            """;

        [Fact]
        public Task An_unindexed_filter_on_projects_is_reported() =>
            Verify.DiagnosticsAsync(ProjectsByName.Replace(".Where(p => p.Name == name)", ".[|Where(p => p.Name == name)|]", StringComparison.Ordinal), Rule);

        [Fact]
        public Task The_same_filter_is_not_reported_when_projects_is_a_small_table() =>
            Verify.DiagnosticsAsync(ProjectsByName, Rule, new Dictionary<string, string> { [RuleIdFormat.ConfigKey("small_tables")] = "projects" });

        [Fact]
        public Task Model_configured_out_of_sight_is_not_judged() => new AnalyzerTest("""
            namespace Shop;
            public class Product
            {
                public int Id { get; set; }
                public string Sku { get; set; } = "";
            }

            public class ShopDb : DbContext
            {
                public DbSet<Product> Products { get; set; } = null!;
                protected override void OnModelCreating(ModelBuilder modelBuilder) => Conventions.Apply(modelBuilder);
            }

            class Lookups
            {
                Product? BySku(ShopDb db, string sku) => db.Products.FirstOrDefault(p => p.Sku == sku);
                List<Product> All(ShopDb db) => db.Products.{|SARG0001:ToList()|};
            }
            """, Rule)
        {
            // Conventions.Apply is compiled into another assembly: the analyzer cannot see which indexes it declares.
            Sources = { },
            References = { AnalyzerRunner.CompileLibrary("namespace Shop { public static class Conventions { public static void Apply(ModelBuilder b) { } } }") },
        }.RunAsync();

        [Fact]
        public Task Index_helper_in_source_is_followed() => new AnalyzerTest("""
            namespace Shop;
            public class Product
            {
                public int Id { get; set; }
                public string Sku { get; set; } = "";
                public string Color { get; set; } = "";
            }

            public class ShopDb : DbContext
            {
                public DbSet<Product> Products { get; set; } = null!;
                protected override void OnModelCreating(ModelBuilder modelBuilder) => Conventions.Apply(modelBuilder);
            }

            class Lookups
            {
                Product? BySku(ShopDb db, string sku) => db.Products.FirstOrDefault(p => p.Sku == sku);
                Product? ByColor(ShopDb db, string color) => db.Products.[|FirstOrDefault(p => p.Color == color)|];
            }
            """, Rule)
        {
            Sources = { "namespace Shop { static class Conventions { public static void Apply(ModelBuilder b) => b.Entity<Product>().HasIndex(p => p.Sku); } }" },
        }.RunAsync();
    
        // Orders grow (nothing marks them small), so a filter on one of their flags alone is worth an index: a partial one.
        private const string Orders = """
            namespace Shop
            {
                public enum OrderStatus { Placed, Paid, Shipped, Returned }

                public sealed class Order
                {
                    public long Id { get; set; }
                    public string Reference { get; set; } = "";
                    public bool IsArchived { get; set; }
                    public OrderStatus Status { get; set; }
                }

                public sealed class ShopDb : DbContext
                {
                    public DbSet<Order> Orders => Set<Order>();
                }
            }
            """;

        private static async Task<string> MessageOf(string query)
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync(
                "namespace Shop; class Orders { object Run(ShopDb db, string reference) => " + query + "; }", new[] { Orders });
            return Assert.Single(diagnostics, d => d.Id == Rule).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        }

        [Fact]
        public Task A_lone_boolean_filter_on_a_large_table_is_reported_at_the_filter() => new AnalyzerTest("""
            namespace Shop;
            class Archive
            {
                List<Order> Archived(ShopDb db) => db.Orders.[|Where(o => o.IsArchived)|].ToList();
                Order? FirstLive(ShopDb db) => db.Orders.[|FirstOrDefault(o => !o.IsArchived)|];
            }
            """, Rule) { Sources = { Orders } }.RunAsync();

        [Fact]
        public async Task A_lone_boolean_filter_on_a_large_table_suggests_a_partial_index()
        {
            var message = await MessageOf("db.Orders.Where(o => o.IsArchived).ToList()");

            Assert.Contains("add a partial index on (Id) WHERE \"IsArchived\"", message, StringComparison.Ordinal);
            Assert.DoesNotContain("add an index on (IsArchived)", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("db.Orders.Where(o => !o.IsArchived).ToList()", "WHERE NOT \"IsArchived\"")]
        [InlineData("db.Orders.Where(o => o.IsArchived == false).ToList()", "WHERE NOT \"IsArchived\"")]
        [InlineData("db.Orders.Where(o => o.IsArchived == true).ToList()", "WHERE \"IsArchived\"")]
        [InlineData("db.Orders.Where(o => o.Status == OrderStatus.Shipped).ToList()", "WHERE \"Status\" = 2")]
        [InlineData("db.Orders.Where(o => Shop.OrderStatus.Returned == o.Status).ToList()", "WHERE \"Status\" = 3")]
        public async Task A_negated_boolean_or_an_enum_member_becomes_the_partial_index_predicate(string query, string predicate) =>
            Assert.Contains("partial index on (Id) " + predicate + ".", await MessageOf(query), StringComparison.Ordinal);

        // An enum in a text column ([Column(TypeName = ...)]) is stored by member name: the predicate is that string, not the number.
        [Theory]
        [InlineData("[System.ComponentModel.DataAnnotations.Schema.Column(TypeName = \"text\")]", "WHERE \"Status\" = 'Shipped'.")]
        [InlineData("[System.ComponentModel.DataAnnotations.Schema.Column(TypeName = \"varchar(20)\")]", "WHERE \"Status\" = 'Shipped'.")]
        [InlineData("[System.ComponentModel.DataAnnotations.Schema.Column(\"status\", TypeName = \"nvarchar(20)\")]", "WHERE status = 'Shipped'.")]
        [InlineData("[System.ComponentModel.DataAnnotations.Schema.Column(TypeName = \"integer\")]", "WHERE \"Status\" = 2.")]
        public async Task An_enum_stored_as_text_by_its_column_type_gets_the_member_name_as_literal(string attribute, string predicate)
        {
            Assert.Contains(predicate, await ShippedMessageOf(Orders.Replace("public OrderStatus Status", attribute + " public OrderStatus Status", StringComparison.Ordinal)), StringComparison.Ordinal);
        }

        private static async Task<string> ShippedMessageOf(string model)
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync(
                "namespace Shop; class Orders { object Run(ShopDb db) => db.Orders.Where(o => o.Status == OrderStatus.Shipped).ToList(); }", new[] { model });
            return Assert.Single(diagnostics, d => d.Id == Rule).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        }

        // HasConversion<string>() or EnumToStringConverter stores the name; a converter the analyzer cannot read gets no invented predicate.
        [Theory]
        [InlineData("b.Entity<Order>().Property(o => o.Status).HasConversion<string>();", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        [InlineData("b.Entity<Order>().Property(o => o.Status).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.EnumToStringConverter<OrderStatus>());", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        [InlineData("b.Entity<Order>().Property(o => o.Status).HasConversion(v => (int)v * 10, v => (OrderStatus)(v / 10));", "add an index on (Status)")]
        [InlineData("b.Entity<Order>().Property(o => o.Reference).HasConversion<string>();", "partial index on (Id) WHERE \"Status\" = 2.")]
        [InlineData("b.Entity<Order>().Property(o => o.Status).HasMaxLength(20).IsRequired().HasConversion<string>();", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        public async Task A_value_conversion_decides_the_enum_literal(string configuration, string expected)
        {
            var context = "protected override void OnModelCreating(ModelBuilder b) { " + configuration + " }";
            Assert.Contains(expected, await ShippedMessageOf(Orders.Replace("public DbSet<Order> Orders => Set<Order>();", "public DbSet<Order> Orders => Set<Order>(); " + context, StringComparison.Ordinal)), StringComparison.Ordinal);
        }

        // ConfigureConventions' Properties<T>().HaveConversion(...) stores every property of T alike; a property's own HasConversion wins.
        [Theory]
        [InlineData("b.Properties<OrderStatus>().HaveConversion<string>();", "", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        [InlineData("b.Properties<OrderStatus>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.EnumToStringConverter<OrderStatus>>();", "", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        [InlineData("b.Properties<OrderStatus>().HaveMaxLength(20).HaveConversion(typeof(string));", "", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        [InlineData("b.Properties<OrderStatus?>().HaveConversion<string>();", "", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        [InlineData("b.Properties<OrderStatus>().HaveConversion<StatusCodes>();", "", "add an index on (Status)")]
        [InlineData("b.Properties<System.Enum>().HaveConversion<string>();", "", "add an index on (Status)")]
        [InlineData("b.Properties<System.DayOfWeek>().HaveConversion<string>();", "", "partial index on (Id) WHERE \"Status\" = 2.")]
        [InlineData("b.Properties<OrderStatus>().HaveConversion<string>();", "b.Entity<Order>().Property(o => o.Status).HasConversion(v => (int)v * 10, v => (OrderStatus)(v / 10));", "add an index on (Status)")]
        [InlineData("b.Properties<OrderStatus>().HaveConversion<StatusCodes>();", "b.Entity<Order>().Property(o => o.Status).HasConversion<string>();", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        [InlineData("Conventions.StoreAsText(b);", "", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        [InlineData("base.ConfigureConventions(b); b.Properties<OrderStatus>().HaveConversion<string>();", "", "partial index on (Id) WHERE \"Status\" = 'Shipped'.")]
        public async Task A_conventions_conversion_decides_the_enum_literal(string conventions, string configuration, string expected)
        {
            var context = "protected override void ConfigureConventions(ModelConfigurationBuilder b) { " + conventions + " } " +
                "protected override void OnModelCreating(ModelBuilder b) { " + configuration + " }";
            var model = Orders.Replace("public DbSet<Order> Orders => Set<Order>();", "public DbSet<Order> Orders => Set<Order>(); " + context, StringComparison.Ordinal) + """

                namespace Shop
                {
                    sealed class StatusCodes : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<OrderStatus, int>
                    {
                        public StatusCodes() : base(v => (int)v * 10, v => (OrderStatus)(v / 10)) { }
                    }

                    static class Conventions
                    {
                        public static void StoreAsText(ModelConfigurationBuilder b) => b.Properties<OrderStatus>().HaveConversion<string>();
                    }
                }
                """;
            Assert.Contains(expected, await ShippedMessageOf(model), StringComparison.Ordinal);
        }

        // Shapes name properties; the partial index's predicate is SQL the database runs, so it names the mapped column.
        [Theory]
        [InlineData("[System.ComponentModel.DataAnnotations.Schema.Column(\"status\")] public OrderStatus Status", "", "partial index on (Id) WHERE status = 2.")]
        [InlineData("public OrderStatus Status", "b.Entity<Order>().Property(o => o.Status).HasColumnName(\"status\");", "partial index on (Id) WHERE status = 2.")]
        [InlineData("public OrderStatus Status", "b.Entity<Order>().Property(o => o.Status).HasColumnName(\"order_status\").HasConversion<string>();", "partial index on (Id) WHERE order_status = 'Shipped'.")]
        [InlineData("public OrderStatus Status", "b.Entity<Order>().Property(o => o.Status).HasConversion<string>().HasColumnName(\"order_status\");", "partial index on (Id) WHERE order_status = 'Shipped'.")]
        [InlineData("public OrderStatus Status", "", "partial index on (Id) WHERE \"Status\" = 2.")]
        public async Task A_renamed_enum_column_is_named_as_the_database_names_it(string property, string configuration, string expected)
        {
            var model = Orders.Replace("public OrderStatus Status", property, StringComparison.Ordinal)
                .Replace("public DbSet<Order> Orders => Set<Order>();", "public DbSet<Order> Orders => Set<Order>(); protected override void OnModelCreating(ModelBuilder b) { " + configuration + " }", StringComparison.Ordinal);

            var message = await ShippedMessageOf(model);

            Assert.Contains(expected, message, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Status\"", expected.Contains("\"Status\"", StringComparison.Ordinal) ? string.Empty : message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_renamed_boolean_column_is_named_as_the_database_names_it()
        {
            var model = Orders.Replace("public bool IsArchived", "[System.ComponentModel.DataAnnotations.Schema.Column(\"is_archived\")] public bool IsArchived", StringComparison.Ordinal);
            var (_, diagnostics) = await AnalyzerRunner.RunAsync(
                "namespace Shop; class Orders { object Run(ShopDb db) => db.Orders.Where(o => !o.IsArchived).ToList(); }", new[] { model });

            var message = Assert.Single(diagnostics, d => d.Id == Rule).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("filtered only by NOT is_archived,", message, StringComparison.Ordinal);
            Assert.Contains("an index on (is_archived) alone", message, StringComparison.Ordinal);
            Assert.Contains("add a partial index on (Id) WHERE NOT is_archived.", message, StringComparison.Ordinal);
        }

        [Fact]
        public Task A_partial_index_on_a_renamed_column_serves_the_filter() => new AnalyzerTest("""
            namespace Shop;
            class Shipping
            {
                List<Order> Shipped(ShopDb db) => db.Orders.Where(o => o.Status == OrderStatus.Shipped).ToList();
            }
            """, Rule)
        {
            Sources =
            {
                Orders.Replace("public DbSet<Order> Orders => Set<Order>();", "public DbSet<Order> Orders => Set<Order>(); protected override void OnModelCreating(ModelBuilder b) { b.Entity<Order>().Property(o => o.Status).HasColumnName(\"status\"); b.Entity<Order>().HasIndex(o => o.Id).HasFilter(\"status = 2\"); }", StringComparison.Ordinal),
            },
            CheckAllRules = true,
        }.RunAsync();

        [Fact]
        public async Task A_boolean_combined_with_a_selective_column_gets_the_plain_index()
        {
            var message = await MessageOf("db.Orders.Where(o => o.Reference == reference && o.IsArchived).ToList()");

            Assert.Contains("add an index on (Reference, IsArchived)", message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_enum_compared_with_a_variable_gets_the_plain_index()
        {
            var message = await MessageOf("db.Orders.Where(o => o.Status == (OrderStatus)reference.Length).ToList()");

            Assert.Contains("add an index on (Status)", message, StringComparison.Ordinal);
        }

        [Fact]
        public Task A_lone_boolean_filter_on_a_small_table_is_not_reported() => new AnalyzerTest("""
            namespace Shop;
            class Archive
            {
                List<Order> Archived(ShopDb db) => db.Orders.Where(o => o.IsArchived).ToList();
            }
            """, Rule) { Sources = { Orders }, EditorConfig = { [RuleIdFormat.ConfigKey("small_tables")] = "orders" } }.RunAsync();

        /// <summary>An IdentityDbContext-like base compiled in another assembly: it configures its user type out of sight.</summary>
        private const string IdentityLikeBase = """
            namespace Identity
            {
                public class IdentityUserBase
                {
                    public string Id { get; set; } = "";
                    public string? NormalizedUserName { get; set; }
                }

                public class IdentityLikeDbContext<TUser> : DbContext where TUser : IdentityUserBase
                {
                    public DbSet<TUser> Users => Set<TUser>();
                    protected override void OnModelCreating(ModelBuilder builder) => builder.Entity<TUser>().HasIndex(u => u.NormalizedUserName);
                }
            }

            namespace Catalog
            {
                [Index(nameof(Code), IsUnique = true)]
                public class Country
                {
                    public int Id { get; set; }
                    public string Code { get; set; } = "";
                    public string Name { get; set; } = "";
                }
            }
            """;

        [Fact]
        public Task A_context_on_a_base_from_another_assembly_keeps_the_entities_it_configures_itself() => new AnalyzerTest("""
            namespace Shop;
            public class AppUser : Identity.IdentityUserBase
            {
                public string Email { get; set; } = "";
            }

            public class Order
            {
                public long Id { get; set; }
                public long CustomerId { get; set; }
                public int Status { get; set; }
            }

            sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Order> builder) => builder.HasIndex(o => o.CustomerId);
            }

            public class ShopIdentityDb : Identity.IdentityLikeDbContext<AppUser>
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Catalog.Country> Countries => Set<Catalog.Country>();

                protected override void OnModelCreating(ModelBuilder builder)
                {
                    base.OnModelCreating(builder);
                    builder.ApplyConfiguration(new OrderConfiguration());
                }
            }

            class Queries
            {
                List<Order> OfCustomer(ShopIdentityDb db, long customerId) => db.Orders.Where(o => o.CustomerId == customerId).Take(50).ToList();
                List<Order> InStatus(ShopIdentityDb db, int status) => db.Orders.[|Where(o => o.Status == status)|].Take(50).ToList();

                // The base may index what it maps (the user type): unknown, so silent.
                AppUser? ByEmail(ShopIdentityDb db, string email) => db.Users.FirstOrDefault(u => u.Email == email);

                // [Index] on an entity compiled in another assembly is read from metadata.
                Catalog.Country? ByCode(ShopIdentityDb db, string code) => db.Countries.FirstOrDefault(c => c.Code == code);
                Catalog.Country? ByName(ShopIdentityDb db, string name) => db.Countries.[|FirstOrDefault(c => c.Name == name)|];

                // Another context in the same compilation is not silenced by this one's base.
                List<App.Deployment> ByRef(App.AppDb db, string gitRef) => db.Deployments.[|Where(d => d.Ref == gitRef)|].Take(20).ToList();
            }
            """, Rule)
        {
            References = { AnalyzerRunner.CompileLibrary(IdentityLikeBase) },
        }.RunAsync();

        [Fact]
        public Task An_opaque_model_helper_in_one_context_does_not_silence_another_context() => new AnalyzerTest("""
            namespace Shop;
            public class Product
            {
                public int Id { get; set; }
                public string Color { get; set; } = "";
            }

            public class ShopDb : DbContext
            {
                public DbSet<Product> Products { get; set; } = null!;
                protected override void OnModelCreating(ModelBuilder modelBuilder) => Conventions.Apply(modelBuilder);
            }

            class Lookups
            {
                Product? ByColor(ShopDb db, string color) => db.Products.FirstOrDefault(p => p.Color == color);
                List<App.Deployment> ByRef(App.AppDb db, string gitRef) => db.Deployments.[|Where(d => d.Ref == gitRef)|].Take(20).ToList();
            }
            """, Rule)
        {
            References = { AnalyzerRunner.CompileLibrary("namespace Shop { public static class Conventions { public static void Apply(ModelBuilder b) { } } }") },
        }.RunAsync();

        [Fact]
        public Task A_filter_composed_across_statements_is_judged_only_when_every_path_applies_it() => Verify.DiagnosticsAsync("""
            namespace App;
            public sealed class DeploymentSearch(AppDb db)
            {
                public async Task<List<Deployment>> ByRefAsync(string reference, bool onlyFailed)
                {
                    var query = db.Deployments.AsNoTracking();
                    query = query.[|Where(d => d.Ref == reference)|];
                    if (onlyFailed)
                    {
                        query = query.Where(d => d.Status == DeploymentStatus.Failed);
                    }

                    return await query.Take(50).ToListAsync();
                }

                // The unindexed filter is optional: the query may run without it.
                public async Task<List<Deployment>> InProjectAsync(long projectId, string? reference)
                {
                    var query = db.Deployments.Where(d => d.ProjectId == projectId);
                    if (reference is not null)
                    {
                        query = query.Where(d => d.Ref == reference);
                    }

                    return await query.Take(50).ToListAsync();
                }
            }
            """, Rule);
    }
}
