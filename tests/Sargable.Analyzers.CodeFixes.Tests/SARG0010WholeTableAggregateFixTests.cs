using Sargable.Analyzers.CodeFixes.Tests.Verifiers;

namespace Sargable.Analyzers.CodeFixes.Tests
{
    public sealed class SARG0010WholeTableAggregateFixTests
    {
        [Fact]
        public Task Count_equal_to_zero_becomes_not_Any() => new CodeFixTest("""
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
        public Task An_awaited_CountAsync_greater_than_zero_becomes_AnyAsync() => new CodeFixTest("""
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
        public Task An_awaited_CountAsync_equal_to_zero_becomes_not_AnyAsync() => new CodeFixTest("""
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
        public Task A_count_shown_to_people_has_no_fix() => new CodeFixTest("""
            namespace App;
            class Stats
            {
                int Total(AppDb db) => db.Deployments.[|Count()|];
            }
            """, string.Empty, RuleIds.WholeTableAggregate, new WholeTableAggregateCodeFix()) { NoFixExpected = true }.RunAsync();
    }
}
