using Sargable.Analyzers.CodeFixes.Tests.Verifiers;
using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.CodeFixes.Tests
{
    public sealed class SARG0001UnboundedReadFixTests
    {
        /// <summary>The runtime package's batching API, as Sargable.EntityFrameworkCore will ship it.</summary>
        private const string RuntimeBatching = """
            namespace Sargable
            {
                public static class QueryableBatchingExtensions
                {
                    public static async IAsyncEnumerable<IQueryable<T>> EachBatchAsync<T>(this IQueryable<T> source, int of = 1000)
                    {
                        await Task.Yield();
                        yield return source.Take(of);
                    }
                }
            }
            """;

        private const string Before = """
            namespace App;
            class Archiver
            {
                async Task Run(AppDb db)
                {
                    foreach (var deployment in [|db.Deployments|])
                    {
                        Archive(deployment);
                    }
                }

                static void Archive(Deployment deployment) { }
            }
            """;

        [Fact]
        public Task Rewrites_the_loop_to_keyset_batches() => new CodeFixTest(Before, """
            using Sargable;

            namespace App;
            class Archiver
            {
                async Task Run(AppDb db)
                {
                    await foreach (var batch in db.Deployments.EachBatchAsync())
                    {
                        foreach (var deployment in await batch.ToListAsync())
                        {
                            Archive(deployment);
                        }
                    }
                }

                static void Archive(Deployment deployment) { }
            }
            """, RuleIds.UnboundedRead, new UnboundedReadCodeFix()) { Sources = { RuntimeBatching } }.RunAsync();

        [Fact]
        public Task Rewrites_against_the_real_runtime_package() => new CodeFixTest(Before, """
            using Sargable;

            namespace App;
            class Archiver
            {
                async Task Run(AppDb db)
                {
                    await foreach (var batch in db.Deployments.EachBatchAsync())
                    {
                        foreach (var deployment in await batch.ToListAsync())
                        {
                            Archive(deployment);
                        }
                    }
                }

                static void Archive(Deployment deployment) { }
            }
            """, RuleIds.UnboundedRead, new UnboundedReadCodeFix())
        {
            References =
            {
                Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Sargable.QueryableBatchingExtensions).Assembly.Location),
                Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Sargable.RuleIds).Assembly.Location),
            },
        }.RunAsync();

        [Fact]
        public Task No_fix_without_the_runtime_package() =>
            new CodeFixTest(Before, string.Empty, RuleIds.UnboundedRead, new UnboundedReadCodeFix()) { NoFixExpected = true }.RunAsync();

        [Fact]
        public Task No_fix_in_a_synchronous_method() => new CodeFixTest("""
            namespace App;
            class Archiver
            {
                void Run(AppDb db)
                {
                    foreach (var deployment in [|db.Deployments|])
                    {
                    }
                }
            }
            """, string.Empty, RuleIds.UnboundedRead, new UnboundedReadCodeFix()) { NoFixExpected = true, Sources = { RuntimeBatching } }.RunAsync();
    }
}
