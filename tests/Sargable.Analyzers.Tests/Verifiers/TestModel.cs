namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>Sources shared by analyzer tests: global usings and the deployments model (the schema of docs/rules).</summary>
    public static class TestModel
    {
        public const string GlobalUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.Linq;
            global using System.Threading;
            global using System.Threading.Tasks;
            global using Microsoft.EntityFrameworkCore;
            """;

        /// <summary>
        /// A method of a service over the deployments model whose body is <paramref name="statements"/>, with the
        /// parameters one-query test cases use (<c>db</c>, <c>projectId</c>, <c>environmentId</c>, <c>name</c>, ...).
        /// </summary>
        public static string InMethod(string statements) => $$"""
            namespace App;
            class Service
            {
                async Task Run(AppDb db, long projectId, long environmentId, string name, string refName, long lastId, long[] ids, DateTime from, DateTime to, DateTime before)
                {
                    {{statements}}
                }
            }
            """;

        /// <summary>
        /// Projects, environments (unique (ProjectId, Name)) and deployments (unique (ProjectId, Iid), indexes
        /// (ProjectId, EnvironmentId, UpdatedAt, Id) and (EnvironmentId, FinishedAt, Id)), configured fluently.
        /// </summary>
        public const string Deployments = """
            namespace App
            {
                public enum DeploymentStatus : short { Created, Running, Success, Failed, Canceled, Skipped }

                public sealed class Project
                {
                    public long Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<ProjectEnvironment> Environments { get; } = new();
                    public List<Deployment> Deployments { get; } = new();
                }

                public sealed class ProjectEnvironment
                {
                    public long Id { get; set; }
                    public long ProjectId { get; set; }
                    public Project Project { get; set; } = null!;
                    public string Name { get; set; } = "";
                    public List<Deployment> Deployments { get; } = new();
                }

                public sealed class Deployment
                {
                    public long Id { get; set; }
                    public int Iid { get; set; }
                    public long ProjectId { get; set; }
                    public Project Project { get; set; } = null!;
                    public long EnvironmentId { get; set; }
                    public ProjectEnvironment Environment { get; set; } = null!;
                    public string Ref { get; set; } = "";
                    public DeploymentStatus Status { get; set; }
                    public DateTime CreatedAt { get; set; }
                    public DateTime UpdatedAt { get; set; }
                    public DateTime? FinishedAt { get; set; }
                }

                public sealed class AppDb : DbContext
                {
                    public DbSet<Project> Projects => Set<Project>();
                    public DbSet<ProjectEnvironment> Environments => Set<ProjectEnvironment>();
                    public DbSet<Deployment> Deployments => Set<Deployment>();

                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<ProjectEnvironment>(entity =>
                        {
                            entity.HasOne(e => e.Project).WithMany(p => p.Environments).HasForeignKey(e => e.ProjectId);
                            entity.HasIndex(e => new { e.ProjectId, e.Name }).IsUnique();
                        });

                        modelBuilder.Entity<Deployment>(entity =>
                        {
                            entity.HasOne(d => d.Project).WithMany(p => p.Deployments).HasForeignKey(d => d.ProjectId);
                            entity.HasOne(d => d.Environment).WithMany(e => e.Deployments).HasForeignKey(d => d.EnvironmentId);
                            entity.HasIndex(d => new { d.ProjectId, d.Iid }).IsUnique();
                            entity.HasIndex(d => new { d.ProjectId, d.EnvironmentId, d.UpdatedAt, d.Id });
                            entity.HasIndex(d => new { d.EnvironmentId, d.FinishedAt, d.Id });
                        });
                    }
                }
            }
            """;
    }
}
