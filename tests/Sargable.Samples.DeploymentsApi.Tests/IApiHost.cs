using System.Net.Http;
using System.Threading.Tasks;

namespace Sargable.Samples.DeploymentsApi.Tests
{
    /// <summary>The running API on one database, with direct SQL access to check what a request wrote.</summary>
    public interface IApiHost
    {
        bool IsPostgres { get; }

        ErrorLog Errors { get; }

        HttpClient CreateClient();

        Task ExecuteAsync(string sql);

        Task<long> ScalarAsync(string sql);
    }
}
