using Microsoft.EntityFrameworkCore;

namespace Sargable.Samples.AntiPatterns.Model
{
    /// <summary>The deployments schema of docs/rules: the indexes here are all the analyzers know about.</summary>
    public sealed class DeploymentsDbContext : DbContext
    {
        public DeploymentsDbContext(DbContextOptions<DeploymentsDbContext> options)
            : base(options)
        {
        }

        public DbSet<Project> Projects => Set<Project>();

        public DbSet<ProjectEnvironment> Environments => Set<ProjectEnvironment>();

        public DbSet<Deployment> Deployments => Set<Deployment>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Project>(entity => entity.ToTable("projects"));

            modelBuilder.Entity<ProjectEnvironment>(entity =>
            {
                entity.ToTable("environments");
                entity.HasOne(e => e.Project).WithMany(p => p.Environments).HasForeignKey(e => e.ProjectId);
                entity.HasIndex(e => new { e.ProjectId, e.Name }).IsUnique();
            });

            modelBuilder.Entity<Deployment>(entity =>
            {
                entity.ToTable("deployments");
                entity.HasOne(d => d.Project).WithMany(p => p.Deployments).HasForeignKey(d => d.ProjectId);
                entity.HasOne(d => d.Environment).WithMany(e => e.Deployments).HasForeignKey(d => d.EnvironmentId);
                entity.HasIndex(d => new { d.ProjectId, d.Iid }).IsUnique();
                entity.HasIndex(d => new { d.ProjectId, d.EnvironmentId, d.UpdatedAt, d.Id });
                entity.HasIndex(d => new { d.EnvironmentId, d.FinishedAt, d.Id });
            });
        }
    }
}
