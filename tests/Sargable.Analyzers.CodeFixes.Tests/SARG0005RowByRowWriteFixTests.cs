using Sargable.Analyzers.CodeFixes.Tests.Verifiers;

namespace Sargable.Analyzers.CodeFixes.Tests
{
    public sealed class SARG0005RowByRowWriteFixTests
    {
        [Fact]
        public Task Deletes_with_ExecuteDelete() => new CodeFixTest("""
            namespace App;
            class Cleanup
            {
                async Task Run(AppDb db, long projectId, DateTime cutoff, CancellationToken ct)
                {
                    // Skipped deployments older than the cutoff.
                    db.Deployments.[|RemoveRange(await db.Deployments.Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Skipped && d.CreatedAt < cutoff).ToListAsync(ct))|];

                    foreach (var environment in db.Environments.Where(e => e.ProjectId == projectId).ToList())
                    {
                        db.[|Remove(environment)|];
                    }

                    await db.SaveChangesAsync(ct);
                }
            }
            """, """
            namespace App;
            class Cleanup
            {
                async Task Run(AppDb db, long projectId, DateTime cutoff, CancellationToken ct)
                {
                    // Skipped deployments older than the cutoff.
                    await db.Deployments.Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Skipped && d.CreatedAt < cutoff).ExecuteDeleteAsync(ct);

                    db.Environments.Where(e => e.ProjectId == projectId).ExecuteDelete();

                    await db.SaveChangesAsync(ct);
                }
            }
            """, RuleIds.RowByRowWrite, new RowByRowWriteCodeFix()).RunAsync();

        [Fact]
        public Task Updates_with_ExecuteUpdate() => new CodeFixTest("""
            namespace App;
            class Cancel
            {
                async Task Run(AppDb db, DateTime staleBefore, DateTime now)
                {
                    [|foreach (var deployment in await db.Deployments.Where(d => d.Status == DeploymentStatus.Running && d.UpdatedAt < staleBefore).ToListAsync())|]
                    {
                        deployment.Status = DeploymentStatus.Canceled;
                        deployment.UpdatedAt = now;
                    }

                    await db.SaveChangesAsync();
                }
            }
            """, """
            namespace App;
            class Cancel
            {
                async Task Run(AppDb db, DateTime staleBefore, DateTime now)
                {
                    await db.Deployments.Where(d => d.Status == DeploymentStatus.Running && d.UpdatedAt < staleBefore).ExecuteUpdateAsync(s => s.SetProperty(deployment => deployment.Status, DeploymentStatus.Canceled).SetProperty(deployment => deployment.UpdatedAt, now));

                    await db.SaveChangesAsync();
                }
            }
            """, RuleIds.RowByRowWrite, new RowByRowWriteCodeFix()).RunAsync();

        [Fact]
        public Task No_fix_when_rows_come_through_a_local() => new CodeFixTest("""
            namespace App;
            class Cleanup
            {
                async Task Run(AppDb db, long projectId)
                {
                    var rows = await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync();
                    db.Deployments.[|RemoveRange(rows)|];
                    await db.SaveChangesAsync();
                }
            }
            """, string.Empty, RuleIds.RowByRowWrite, new RowByRowWriteCodeFix()) { NoFixExpected = true }.RunAsync();
    }
}
