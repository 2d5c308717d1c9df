using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Rules
{
    public sealed class SARG0005RowByRowWriteTests
    {
        private const string Rule = RuleIds.RowByRowWrite;

        [Fact]
        public Task Remove_in_a_loop() => Verify.DiagnosticsAsync("""
            namespace App;
            class Cleanup
            {
                async Task Run(AppDb db, long projectId, DateTime cutoff)
                {
                    foreach (var deployment in await db.Deployments.Where(d => d.ProjectId == projectId && d.CreatedAt < cutoff).ToListAsync())
                    {
                        db.[|Remove(deployment)|];
                    }

                    foreach (var environment in db.Environments.Where(e => e.ProjectId == projectId))
                        db.Environments.[|Remove(environment)|];

                    await db.SaveChangesAsync();
                }
            }
            """, Rule);

        [Fact]
        public Task Remove_range_of_a_loaded_query() => Verify.DiagnosticsAsync("""
            namespace App;
            class Cleanup
            {
                async Task Run(AppDb db, long projectId, DateTime cutoff)
                {
                    db.Deployments.[|RemoveRange(await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync())|];
                    var skipped = await db.Deployments.Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Skipped && d.CreatedAt < cutoff).ToListAsync();
                    db.Deployments.[|RemoveRange(skipped)|];
                    db.[|RemoveRange(db.Environments.Where(e => e.ProjectId == projectId))|];
                    await db.SaveChangesAsync();
                }
            }
            """, Rule);

        [Fact]
        public Task Load_modify_save_loop() => Verify.DiagnosticsAsync("""
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
            """, Rule);

        [Fact]
        public Task Per_row_work_that_is_not_a_set_operation_is_fine() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Fine
            {
                async Task Computed(AppDb db, long projectId)
                {
                    // Each row gets its own computed change.
                    foreach (var deployment in await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync())
                    {
                        deployment.Ref = deployment.Ref.Trim();
                    }

                    await db.SaveChangesAsync();
                }

                async Task NotSaved(AppDb db, long projectId)
                {
                    await db.SaveChangesAsync();

                    // No save follows the loop: nothing is written here.
                    foreach (var deployment in await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync())
                    {
                        deployment.Status = DeploymentStatus.Canceled;
                    }
                }

                async Task Single(AppDb db, long projectId, List<Deployment> detached)
                {
                    var rows = await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync();
                    // Removing one entity, and a range that was not loaded from a query.
                    db.Remove(rows[0]);
                    db.RemoveRange(detached);
                    await db.SaveChangesAsync();
                }
            }
            """, Rule);
    }
}
