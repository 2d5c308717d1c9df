using Microsoft.EntityFrameworkCore;
using Shop.Data;

namespace Shop.Orders;

public sealed class OrderService(UnitOfWork unit)
{
    public async Task<Dictionary<int, decimal>> TotalsByCustomerAsync(int tenantId)
    {
        var customers = await unit.Db.Customers.Where(c => c.TenantId == tenantId).ToListAsync();
        var totals = new Dictionary<int, decimal>();
        foreach (var customer in customers)
        {
            var orders = await unit.Db.Orders.Where(o => o.CustomerId == customer.Id).ToListAsync();
            totals[customer.Id] = orders.Sum(o => o.Total);
        }

        return totals;
    }
}
