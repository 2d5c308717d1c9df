using Sargable.Analyzers.CodeFixes.Tests.Verifiers;

namespace Sargable.Analyzers.CodeFixes.Tests
{
    public sealed class SARG0010WholeTableAggregateFixTests
    {
        [Fact]
        public Task CountEqualsZeroBecomesNotAny() => new CodeFixTest("""
            namespace App;
            class Seed
            {
                bool Empty(AppDb db) => db.Deployments.[|Count()|] == 0;
            }
            """, """
            namespace App;
            class Seed
            {
                bool Empty(AppDb db) => !db.Deployments.Any();
            }
            """, RuleIds.WholeTableAggregate, new WholeTableAggregateCodeFix()).RunAsync();

        [Fact]
        public Task AwaitedCountGreaterThanZeroBecomesAnyAsync() => new CodeFixTest("""
            namespace App;
            class Seed
            {
                async Task<bool> Some(AppDb db, CancellationToken ct) => await db.Deployments.[|CountAsync(ct)|] > 0;
            }
            """, """
            namespace App;
            class Seed
            {
                async Task<bool> Some(AppDb db, CancellationToken ct) => await db.Deployments.AnyAsync(ct);
            }
            """, RuleIds.WholeTableAggregate, new WholeTableAggregateCodeFix()).RunAsync();

        [Fact]
        public Task AwaitedCountEqualsZeroBecomesNotAnyAsync() => new CodeFixTest("""
            namespace App;
            class Seed
            {
                async Task Run(AppDb db)
                {
                    if (await db.Deployments.[|CountAsync()|] == 0)
                    {
                    }
                }
            }
            """, """
            namespace App;
            class Seed
            {
                async Task Run(AppDb db)
                {
                    if (!await db.Deployments.AnyAsync())
                    {
                    }
                }
            }
            """, RuleIds.WholeTableAggregate, new WholeTableAggregateCodeFix()).RunAsync();

        [Fact]
        public Task CountShownToPeopleHasNoFix() => new CodeFixTest("""
            namespace App;
            class Stats
            {
                int Total(AppDb db) => db.Deployments.[|Count()|];
            }
            """, string.Empty, RuleIds.WholeTableAggregate, new WholeTableAggregateCodeFix()) { NoFixExpected = true }.RunAsync();
    }
}
