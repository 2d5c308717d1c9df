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
        public Task Load_modify_save_loop_whose_value_names_the_item_only_as_another_member() => Verify.DiagnosticsAsync("""
            namespace App;
            class Cancel
            {
                private readonly string deployment = "canceled";

                async Task Run(AppDb db, DateTime now)
                {
                    // The syntax prefilter skips loops whose value reads item.Member; this.deployment is not the item.
                    [|foreach (var deployment in await db.Deployments.Where(d => d.Status == DeploymentStatus.Running).ToListAsync())|]
                    {
                        deployment.Ref = this.deployment;
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
        public Task Same_change_written_back_with_update_in_a_loop_is_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Archive
            {
                async Task Run(AppDb db, long projectId, DateTime now)
                {
                    var stale = await db.Deployments.Where(d => d.ProjectId == projectId && d.Status == DeploymentStatus.Running).ToListAsync();
                    [|foreach (var deployment in stale)|]
                    {
                        deployment.Status = DeploymentStatus.Canceled;
                        db.Update(deployment);
                    }

                    [|foreach (var deployment in await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync())|]
                    {
                        deployment.UpdatedAt = now;
                        db.Deployments.Update(deployment);
                    }

                    await db.SaveChangesAsync();
                }
            }
            """, Rule);

        [Fact]
        public Task Same_change_written_back_with_update_range_after_the_loop_is_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            interface IUnitOfWork { Task CommitAsync(); }
            class Archive
            {
                async Task Run(AppDb db, IUnitOfWork unitOfWork, long projectId)
                {
                    var stale = await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync();
                    [|foreach (var deployment in stale)|]
                        deployment.Status = DeploymentStatus.Canceled;
                    db.Deployments.UpdateRange(stale);
                    await unitOfWork.CommitAsync();
                }
            }
            """, Rule);

        [Fact]
        public Task Update_and_remove_of_a_navigation_of_the_loop_item_are_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            class Pages
            {
                async Task Run(AppDb db, Project project)
                {
                    [|foreach (var environment in project.Environments)|]
                    {
                        environment.Project.Name = "archived";
                        db.Projects.Update(environment.Project);
                    }

                    foreach (var environment in project.Environments)
                        db.Projects.[|Remove(environment.Project)|];

                    await db.SaveChangesAsync();
                }
            }
            """, Rule);

        [Fact]
        public Task Update_through_a_one_line_repository_wrapper_is_reported() => Verify.DiagnosticsAsync("""
            namespace App;
            interface IDeploymentRepository { void Update(Deployment deployment); }
            sealed class DeploymentRepository(AppDb db) : IDeploymentRepository
            {
                public void Update(Deployment deployment) => db.Deployments.Update(deployment);
            }
            sealed class AuditedRepository(AppDb db)
            {
                // Does more than pass its argument on: not a wrapper of EF's Update.
                public void Update(Deployment deployment)
                {
                    deployment.UpdatedAt = DateTime.UtcNow;
                    db.Deployments.Update(deployment);
                }
            }
            class Archive(IDeploymentRepository repository, DeploymentRepository concrete, AuditedRepository audited)
            {
                void Run(IReadOnlyList<Deployment> deployments)
                {
                    [|foreach (var deployment in deployments)|]
                    {
                        deployment.Status = DeploymentStatus.Canceled;
                        repository.Update(deployment);
                    }

                    [|foreach (var deployment in deployments)|]
                    {
                        deployment.Status = DeploymentStatus.Skipped;
                        concrete.Update(deployment);
                    }

                    foreach (var deployment in deployments)
                    {
                        deployment.Status = DeploymentStatus.Failed;
                        audited.Update(deployment);
                    }
                }
            }
            """, Rule);

        [Fact]
        public Task Loops_that_do_not_give_every_row_the_same_change_are_not_reported() => Verify.NoDiagnosticsAsync("""
            namespace App;
            class Fine
            {
                async Task PerRowValues(AppDb db, long projectId, Dictionary<long, string> refs)
                {
                    var rows = await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync();

                    // Each row gets a value of its own, from another source or from a counter.
                    foreach (var deployment in rows)
                    {
                        deployment.Ref = refs[deployment.Id];
                        db.Update(deployment);
                    }

                    var next = 1;
                    foreach (var deployment in rows)
                        deployment.Iid = next++;

                    await db.SaveChangesAsync();
                }

                async Task NotTheLoopItem(AppDb db, long projectId, Project project)
                {
                    // The change is to the rows, but what is updated is another object.
                    foreach (var deployment in await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync())
                    {
                        deployment.Status = DeploymentStatus.Canceled;
                        db.Update(project);
                    }
                }

                void NoChangeInTheLoop(AppDb db, List<Deployment> edited)
                {
                    // Values set elsewhere, maybe different per row: nothing here says they are the same change.
                    foreach (var deployment in edited)
                        db.Update(deployment);
                    db.UpdateRange(edited);
                }
            }
            """, Rule);

        [Fact]
        public async Task An_update_loop_says_how_rows_are_written_back_and_offers_no_fix()
        {
            var (_, diagnostics) = await AnalyzerRunner.RunAsync("""
                namespace App;
                class Archive
                {
                    async Task Run(AppDb db, long projectId)
                    {
                        foreach (var deployment in await db.Deployments.Where(d => d.ProjectId == projectId).ToListAsync())
                        {
                            deployment.Status = DeploymentStatus.Canceled;
                            db.Deployments.Update(deployment);
                        }

                        await db.SaveChangesAsync();
                    }
                }
                """, new[] { TestModel.Deployments });
            var message = Assert.Single(diagnostics, d => d.Id == Rule).GetMessage();
            Assert.Contains("the same change and writes each back with db.Deployments.Update, one UPDATE per row", message, StringComparison.Ordinal);
            Assert.False(Assert.Single(diagnostics, d => d.Id == Rule).Properties.ContainsKey(RowByRowWriteRule.FixProperty));
        }

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
