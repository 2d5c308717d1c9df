using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sargable.Deployments.Model;

namespace Sargable.Deployments
{
    /// <summary>
    /// The deployments schema with snake_case names given explicitly (tables, columns, keys and every index), so the SQL
    /// EF Core sends reads like the SQL GitLab and Sentry run and the guard's registry sees the same names as the database.
    /// The same model runs on PostgreSQL (Npgsql) and SQLite.
    /// <para>
    /// Indexes: exactly the ones the reference queries need, each with the query it serves. EF Core's convention of one
    /// index per foreign key is switched off; a foreign key gets an index only when a query (or a cascade a reference
    /// query sets off) looks rows up by it.
    /// </para>
    /// <para>
    /// Foreign keys cascade in the database (<c>ON DELETE CASCADE</c>); the change tracker never cascades or deletes
    /// orphans itself, so deleting a project is one statement however many rows hang off it.
    /// </para>
    /// </summary>
    public class DeploymentsDbContext : DbContext
    {
        public DeploymentsDbContext(DbContextOptions options)
            : base(options)
        {
            ChangeTracker.CascadeDeleteTiming = CascadeTiming.Never;
            ChangeTracker.DeleteOrphansTiming = CascadeTiming.Never;
        }

        public DbSet<Namespace> Namespaces => Set<Namespace>();

        public DbSet<Project> Projects => Set<Project>();

        public DbSet<ProjectEnvironment> Environments => Set<ProjectEnvironment>();

        public DbSet<Deployment> Deployments => Set<Deployment>();

        public DbSet<Release> Releases => Set<Release>();

        public DbSet<ReleaseProjectEnvironment> ReleaseProjectEnvironments => Set<ReleaseProjectEnvironment>();

        public DbSet<InternalId> InternalIds => Set<InternalId>();

        /// <summary>True on PostgreSQL, where the reference queries use LATERAL joins; SQLite gets their portable forms.</summary>
        public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        {
            ArgumentNullException.ThrowIfNull(configurationBuilder);

            // No index per foreign key by default: every index below is there for a query.
            configurationBuilder.Conventions.Remove(typeof(ForeignKeyIndexConvention));
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            ArgumentNullException.ThrowIfNull(modelBuilder);

            modelBuilder.Entity<Namespace>(entity =>
            {
                entity.ToTable("namespaces");
                Key(entity, n => n.Id, "namespaces");
                entity.Property(n => n.ParentId).HasColumnName("parent_id");
                entity.Property(n => n.Name).HasColumnName("name");
                entity.Property(n => n.Path).HasColumnName("path");
                entity.HasOne<Namespace>().WithMany().HasForeignKey(n => n.ParentId)
                    .HasConstraintName("fk_namespaces_parent_id").OnDelete(DeleteBehavior.Cascade);

                // Descendant groups: the recursive step of NamespaceTree joins children by parent_id.
                entity.HasIndex(n => n.ParentId).HasDatabaseName("index_namespaces_on_parent_id");
            });

            modelBuilder.Entity<Project>(entity =>
            {
                entity.ToTable("projects");
                Key(entity, p => p.Id, "projects");
                entity.Property(p => p.NamespaceId).HasColumnName("namespace_id");
                entity.Property(p => p.Name).HasColumnName("name");
                entity.HasOne<Namespace>().WithMany().HasForeignKey(p => p.NamespaceId)
                    .HasConstraintName("fk_projects_namespace_id").OnDelete(DeleteBehavior.Cascade);

                // All projects of a group tree: projects of each namespace the recursive CTE finds.
                entity.HasIndex(p => p.NamespaceId).HasDatabaseName("index_projects_on_namespace_id");
            });

            modelBuilder.Entity<ProjectEnvironment>(entity =>
            {
                entity.ToTable("environments");
                Key(entity, e => e.Id, "environments");
                entity.Property(e => e.ProjectId).HasColumnName("project_id");
                entity.Property(e => e.Name).HasColumnName("name");
                entity.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId)
                    .HasConstraintName("fk_environments_project_id").OnDelete(DeleteBehavior.Cascade);

                // An environment name is unique within its project. Serves the finder's name lookup scoped by project
                // (GitLab's fix), the environments of a list of projects (latest deploys) and of one project (status).
                entity.HasIndex(e => new { e.ProjectId, e.Name }).IsUnique()
                    .HasDatabaseName("index_environments_on_project_id_and_name");
            });

            modelBuilder.Entity<Deployment>(entity =>
            {
                entity.ToTable("deployments");
                Key(entity, d => d.Id, "deployments");
                entity.Property(d => d.Iid).HasColumnName("iid");
                entity.Property(d => d.ProjectId).HasColumnName("project_id");
                entity.Property(d => d.EnvironmentId).HasColumnName("environment_id");
                entity.Property(d => d.Ref).HasColumnName("ref");
                entity.Property(d => d.Sha).HasColumnName("sha").HasConversion(DeploymentSha.ToBytes);
                entity.Property(d => d.Status).HasColumnName("status");
                entity.Property(d => d.Action).HasColumnName("action");
                entity.Property(d => d.CreatedAt).HasColumnName("created_at");
                entity.Property(d => d.UpdatedAt).HasColumnName("updated_at");
                entity.Property(d => d.FinishedAt).HasColumnName("finished_at");
                entity.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId)
                    .HasConstraintName("fk_deployments_project_id").OnDelete(DeleteBehavior.Cascade);
                entity.HasOne(d => d.Environment).WithMany().HasForeignKey(d => d.EnvironmentId)
                    .HasConstraintName("fk_deployments_environment_id").OnDelete(DeleteBehavior.Cascade);

                // The number users see, unique within the project; the counter in internal_ids hands it out. The upsert that
                // does so reads max(iid) here, so rows inserted without the counter (seed data) are never numbered twice.
                entity.HasIndex(d => new { d.ProjectId, d.Iid }).IsUnique()
                    .HasDatabaseName("index_deployments_on_project_id_and_iid");

                // Finder, project scope in id order (the default; iid and created_at are served as id), and the per-project
                // top-N of the group scope's LATERAL join.
                entity.HasIndex(d => new { d.ProjectId, d.Id })
                    .HasDatabaseName("index_deployments_on_project_id_and_id");

                // Finder, one environment in id order; the latest deployment of each environment (environments status); the
                // retention DELETE and the cascade from a deleted environment.
                entity.HasIndex(d => new { d.EnvironmentId, d.Id })
                    .HasDatabaseName("index_deployments_on_environment_id_and_id");

                // Finder, updated_after/updated_before ordered by updated_at, id: project scope ...
                entity.HasIndex(d => new { d.ProjectId, d.UpdatedAt, d.Id })
                    .HasDatabaseName("index_deployments_on_project_id_and_updated_at_and_id");

                // ... and one environment. GitLab's index leads with project_id too; here the finder filters an environment's
                // deployments by environment_id alone (the project check is in the environment lookup), because PostgreSQL
                // multiplies the selectivities of project_id and environment_id as if they were independent and then sorts
                // a hot environment instead of reading it in index order.
                entity.HasIndex(d => new { d.EnvironmentId, d.UpdatedAt, d.Id })
                    .HasDatabaseName("index_deployments_on_environment_id_and_updated_at_and_id");

                // Finder, finished_after/finished_before (or finished statuses) ordered by finished_at, id: project scope,
                // and the count of successful deployments finished after a time per project ...
                entity.HasIndex(d => new { d.ProjectId, d.FinishedAt, d.Id })
                    .HasDatabaseName("index_deployments_on_project_id_and_finished_at_and_id");

                // ... and one environment.
                entity.HasIndex(d => new { d.EnvironmentId, d.FinishedAt, d.Id })
                    .HasDatabaseName("index_deployments_on_environment_id_and_finished_at_and_id");

                // Environments status: the semi-join "environments that have a deployment of this sha" within a project.
                entity.HasIndex(d => new { d.ProjectId, d.Sha })
                    .HasDatabaseName("index_deployments_on_project_id_and_sha");
            });

            modelBuilder.Entity<Release>(entity =>
            {
                entity.ToTable("releases");
                Key(entity, r => r.Id, "releases");
                entity.Property(r => r.ProjectId).HasColumnName("project_id");
                entity.Property(r => r.Version).HasColumnName("version");

                // No index on project_id: no reference query reads releases by project (they are read by primary key),
                // and the cascade from a deleted project, a rare administrative delete, may scan.
                entity.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId)
                    .HasConstraintName("fk_releases_project_id").OnDelete(DeleteBehavior.Cascade);
            });

            modelBuilder.Entity<ReleaseProjectEnvironment>(entity =>
            {
                entity.ToTable("release_project_environments");
                Key(entity, r => r.Id, "release_project_environments");
                entity.Property(r => r.ReleaseId).HasColumnName("release_id");
                entity.Property(r => r.ProjectId).HasColumnName("project_id");
                entity.Property(r => r.EnvironmentId).HasColumnName("environment_id");
                entity.Property(r => r.LastDeploymentId).HasColumnName("last_deployment_id");

                // Cascades from releases and projects may scan this table (rare administrative deletes, no query reads
                // it by those columns); environments and deployments, deleted routinely, have indexes below.
                entity.HasOne(r => r.Release).WithMany().HasForeignKey(r => r.ReleaseId)
                    .HasConstraintName("fk_release_project_environments_release_id").OnDelete(DeleteBehavior.Cascade);
                entity.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId)
                    .HasConstraintName("fk_release_project_environments_project_id").OnDelete(DeleteBehavior.Cascade);
                entity.HasOne<ProjectEnvironment>().WithMany().HasForeignKey(r => r.EnvironmentId)
                    .HasConstraintName("fk_release_project_environments_environment_id").OnDelete(DeleteBehavior.Cascade);
                entity.HasOne(r => r.LastDeployment).WithMany().HasForeignKey(r => r.LastDeploymentId)
                    .HasConstraintName("fk_release_project_environments_last_deployment_id").OnDelete(DeleteBehavior.Cascade);

                // Latest deploys: the 10 most recent rows of each environment (ORDER BY id DESC LIMIT 10, read backwards);
                // also the cascade from a deleted environment.
                entity.HasIndex(r => new { r.EnvironmentId, r.Id })
                    .HasDatabaseName("index_release_project_environments_on_environment_id_and_id");

                // The cascade from deleted deployments (the retention DELETE removes thousands at once): without it every
                // deleted deployment would scan this table.
                entity.HasIndex(r => r.LastDeploymentId)
                    .HasDatabaseName("index_release_project_environments_on_last_deployment_id");
            });

            modelBuilder.Entity<InternalId>(entity =>
            {
                entity.ToTable("internal_ids");
                Key(entity, i => i.Id, "internal_ids");
                entity.Property(i => i.ProjectId).HasColumnName("project_id");
                entity.Property(i => i.Usage).HasColumnName("usage");
                entity.Property(i => i.LastValue).HasColumnName("last_value");
                entity.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId)
                    .HasConstraintName("fk_internal_ids_project_id").OnDelete(DeleteBehavior.Cascade);

                // The upsert's conflict target (GitLab's index). A deleted project's rows cascade by a scan: one row per project and usage.
                entity.HasIndex(i => new { i.Usage, i.ProjectId }).IsUnique()
                    .HasDatabaseName("index_internal_ids_on_usage_and_project_id");
            });

            if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                // SQLite keeps DateTime as text and reads it back as Kind=Unspecified; every timestamp here is UTC.
                var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
                var nullableUtc = new ValueConverter<DateTime?, DateTime?>(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
                modelBuilder.Entity<Deployment>().Property(d => d.CreatedAt).HasConversion(utc);
                modelBuilder.Entity<Deployment>().Property(d => d.UpdatedAt).HasConversion(utc);
                modelBuilder.Entity<Deployment>().Property(d => d.FinishedAt).HasConversion(nullableUtc);
            }
        }

        private static void Key<T>(EntityTypeBuilder<T> entity, System.Linq.Expressions.Expression<Func<T, object?>> key, string table)
            where T : class
        {
            entity.HasKey(key).HasName("pk_" + table);
            entity.Property("Id").HasColumnName("id");
        }
    }
}
