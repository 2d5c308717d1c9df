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

        [Fact]
        public Task Remove_of_a_navigation_of_the_loop_item_is_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Pages
            {
                async Task Run(AppDb db, Project project)
                {
                    foreach (var environment in project.Environments)
                    {
                        if (environment.Name.Length == 0)
                            db.Projects.[|Remove(environment.Project)|];
                    }

                    await db.SaveChangesAsync();
                }
            }
            """, Rule);

        [Fact]
        public Task Remove_through_a_one_line_repository_wrapper_is_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            interface IDeploymentRepository { void Remove(Deployment deployment); void Archive(Deployment deployment); }
            sealed class DeploymentRepository : IDeploymentRepository
            {
                private readonly AppDb db;
                DeploymentRepository(AppDb db) => this.db = db;
                public void Remove(Deployment deployment) => db.Deployments.Remove(deployment);
                public void Archive(Deployment deployment) { deployment.Status = DeploymentStatus.Canceled; }
            }
            class Cleanup
            {
                async Task Run(AppDb db, IDeploymentRepository repository, DeploymentRepository concrete, long projectId)
                {
                    var old = await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync();
                    foreach (var deployment in old)
                        repository.[|Remove(deployment)|];
                    foreach (var deployment in old)
                    {
                        concrete.[|Remove(deployment)|];
                    }

                    // A method named Remove that is not a one-line EF Remove.
                    foreach (var deployment in old)
                        repository.Archive(deployment);
                    await db.SaveChangesAsync();
                }
            }
            """, Rule);

        [Fact]
        public Task Same_change_loops_without_braces_and_through_a_navigation_are_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Cancel
            {
                async Task Run(AppDb db, DateTime staleBefore)
                {
                    [|foreach (var deployment in await db.Deployments.Where(d => d.UpdatedAt < staleBefore).ToListAsync())|]
                        deployment.Status = DeploymentStatus.Canceled;

                    [|foreach (var deployment in db.Deployments.Where(d => d.UpdatedAt < staleBefore).Include(d => d.Environment))|]
                        deployment.Environment.Name = "stale";

                    await db.SaveChangesAsync();
                }
            }
            """, Rule);

        [Fact]
        public async Task Remove_range_of_a_list_changed_after_loading_does_not_claim_every_row()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync("""
                namespace App;
                class Cleanup
                {
                    async Task Run(AppDb db, long projectId, HashSet<long> keep)
                    {
                        var rows = await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync();
                        rows.RemoveAll(d => keep.Contains(d.Id));
                        db.Deployments.RemoveRange(rows);
                        await db.SaveChangesAsync();
                    }
                }
                """, new[] { TestModel.Deployments });
            var diagnostic = Assert.Single(diagnostics, d => d.Id == Rule);
            Assert.DoesNotContain("every row", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("rows left in rows", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.False(diagnostic.Properties.ContainsKey(RowByRowWriteRule.FixProperty));
        }

        [Fact]
        public async Task Remove_range_of_an_awaited_read_is_one_finding_not_two()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync("""
                namespace App;
                class Cleanup
                {
                    async Task Run(AppDb db)
                    {
                        db.Deployments.RemoveRange(await db.Deployments.ToListAsync());
                        await db.SaveChangesAsync();
                    }
                }
                """, new[] { TestModel.Deployments });
            Assert.Equal(Rule, Assert.Single(diagnostics).Id);
        }
    }
}
