using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Sargable.Core.Tests.EfCorpus
{
    /// <summary>
    /// The deployments schema with snake_case names: namespaces, projects, environments, deployments, releases,
    /// release_project_environments. The same model runs on PostgreSQL (Npgsql) and SQLite.
    /// </summary>
    public sealed class CorpusDbContext : DbContext
    {
        public CorpusDbContext(DbContextOptions<CorpusDbContext> options)
            : base(options)
        {
        }

        public DbSet<Namespace> Namespaces => Set<Namespace>();

        public DbSet<Project> Projects => Set<Project>();

        public DbSet<ProjectEnvironment> Environments => Set<ProjectEnvironment>();

        public DbSet<Deployment> Deployments => Set<Deployment>();

        public DbSet<Release> Releases => Set<Release>();

        public DbSet<ReleaseProjectEnvironment> ReleaseProjectEnvironments => Set<ReleaseProjectEnvironment>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            // Table names come from the entity, not the DbSet property (the sets are expression-bodied), so name them here.
            modelBuilder.Entity<Namespace>(entity =>
            {
                entity.ToTable("Namespaces");
                entity.HasOne(n => n.Parent).WithMany(n => n.Children).HasForeignKey(n => n.ParentId);
                entity.Property(n => n.Name).HasMaxLength(255);
                entity.Property(n => n.Path).HasMaxLength(4096);
                entity.HasIndex(n => n.ParentId);
            });

            modelBuilder.Entity<Project>(entity =>
            {
                entity.ToTable("Projects");
                entity.HasOne(p => p.Namespace).WithMany(n => n.Projects).HasForeignKey(p => p.NamespaceId);
                entity.Property(p => p.Name).HasMaxLength(255);
            });

            modelBuilder.Entity<ProjectEnvironment>(entity =>
            {
                entity.ToTable("Environments");
                entity.HasOne(e => e.Project).WithMany(p => p.Environments).HasForeignKey(e => e.ProjectId);
                entity.Property(e => e.Name).HasMaxLength(255);
                entity.HasIndex(e => new { e.ProjectId, e.Name }).IsUnique();
            });

            modelBuilder.Entity<Deployment>(entity =>
            {
                entity.ToTable("Deployments");
                entity.HasOne(d => d.Project).WithMany(p => p.Deployments).HasForeignKey(d => d.ProjectId);
                entity.HasOne(d => d.Environment).WithMany(e => e.Deployments).HasForeignKey(d => d.EnvironmentId);
                entity.Property(d => d.Ref).HasMaxLength(255);
                entity.HasIndex(d => new { d.ProjectId, d.Iid }).IsUnique();
                entity.HasIndex(d => new { d.ProjectId, d.EnvironmentId, d.UpdatedAt, d.Id });
                entity.HasIndex(d => new { d.EnvironmentId, d.FinishedAt, d.Id });
            });

            modelBuilder.Entity<Release>(entity =>
            {
                entity.ToTable("Releases");
                entity.HasOne(r => r.Project).WithMany(p => p.Releases).HasForeignKey(r => r.ProjectId);
                entity.Property(r => r.Version).HasMaxLength(255);
            });

            modelBuilder.Entity<ReleaseProjectEnvironment>(entity =>
            {
                entity.ToTable("ReleaseProjectEnvironments");
                entity.HasOne(r => r.Release).WithMany(r => r.ProjectEnvironments).HasForeignKey(r => r.ReleaseId);
                entity.HasOne(r => r.Project).WithMany().HasForeignKey(r => r.ProjectId);
                entity.HasOne(r => r.Environment).WithMany().HasForeignKey(r => r.EnvironmentId);
                entity.HasOne(r => r.LastDeployment).WithMany().HasForeignKey(r => r.LastDeploymentId);
            });

            if (Database.IsSqlite())
            {
                // SQLite stores DateTime as text and reads it back as Kind=Unspecified; every timestamp here is UTC.
                var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
                var nullableUtc = new ValueConverter<DateTime?, DateTime?>(
                    v => v,
                    v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
                modelBuilder.Entity<Deployment>().Property(d => d.CreatedAt).HasConversion(utc);
                modelBuilder.Entity<Deployment>().Property(d => d.UpdatedAt).HasConversion(utc);
                modelBuilder.Entity<Deployment>().Property(d => d.FinishedAt).HasConversion(nullableUtc);
            }

            SnakeCaseNames.Apply(modelBuilder.Model);
        }
    }
}
