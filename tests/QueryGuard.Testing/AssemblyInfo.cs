using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("QueryGuard.Testing.Tests")]
[assembly: InternalsVisibleTo("QueryGuard.Benchmarks")]
