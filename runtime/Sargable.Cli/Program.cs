using System.Threading.Tasks;

namespace Sargable.Cli
{
    internal static class Program
    {
        public static Task<int> Main(string[] args) => CliApp.RunAsync(args);
    }
}
