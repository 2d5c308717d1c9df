using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Sargable.Testing.Tests")]
[assembly: InternalsVisibleTo("Sargable.Benchmarks")]
