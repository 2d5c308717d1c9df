namespace Shop.Data;

public sealed class UnitOfWork(ShopDbContext db)
{
    public ShopDbContext Db { get; } = db;

    public Task<int> CommitAsync(CancellationToken cancellationToken = default) => Db.SaveChangesAsync(cancellationToken);
}
