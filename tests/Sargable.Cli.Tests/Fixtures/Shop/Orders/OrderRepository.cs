using Microsoft.EntityFrameworkCore;
using Shop.Data;

namespace Shop.Orders;

public sealed class OrderRepository(ShopDbContext db)
{
    public Task<Order?> FindAsync(int id) => db.Orders.FirstOrDefaultAsync(o => o.Id == id);

    public async Task<List<Order>> ExportAllAsync()
    {
        var everything = await db.Orders.ToListAsync();
        return everything;
    }

    public Task<List<Order>> WithStatusAsync(string status) =>
        db.Orders.Where(o => o.Status == status).OrderBy(o => o.Id).Take(50).ToListAsync();

    public Task<Customer?> CustomerByEmailAsync(string email) =>
        db.Customers.FirstOrDefaultAsync(c => c.Email == email);
}
