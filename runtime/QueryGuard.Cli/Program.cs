using System.Threading.Tasks;

namespace QueryGuard.Cli
{
    internal static class Program
    {
        public static Task<int> Main(string[] args) => CliApp.RunAsync(args);
    }
}
