using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

public sealed class Customer
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public string Email { get; set; } = "";
    public List<Order> Orders { get; set; } = new();
}

public sealed class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public string Status { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public decimal Total { get; set; }
}

public sealed class Product
{
    public int Id { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Customer>().HasIndex(c => new { c.TenantId, c.Email }).IsUnique();
        model.Entity<Order>().HasIndex(o => o.CustomerId);
        model.Entity<Product>().HasIndex(p => p.Sku).IsUnique();
    }
}
