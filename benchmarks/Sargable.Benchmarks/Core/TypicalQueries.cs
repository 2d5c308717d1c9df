namespace Sargable.Benchmarks.Core
{
    /// <summary>SQL as EF Core 10 emits it for the deployments model, and the schema the registry comes from.</summary>
    internal static class TypicalQueries
    {
        /// <summary>A paged, filtered listing (≈400 characters): the typical statement the runtime guard sees.</summary>
        public const string PagedListing = """
            SELECT d.id, d.action, d.created_at, d.environment_id, d.finished_at, d.iid, d.project_id, d.ref, d.sha, d.status, d.updated_at
            FROM deployments AS d
            WHERE d.project_id = @projectId AND d.environment_id = @environmentId AND d.finished_at >= @from AND d.finished_at < @to
            ORDER BY d.updated_at, d.id
            LIMIT @p
            """;

        public const string Schema = """
            CREATE TABLE deployments (id bigint PRIMARY KEY, iid integer, project_id bigint, environment_id bigint, ref text, sha bytea,
                status smallint, action smallint, created_at timestamptz, updated_at timestamptz, finished_at timestamptz);
            CREATE UNIQUE INDEX index_deployments_on_project_id_and_iid ON deployments (project_id, iid);
            CREATE INDEX index_deployments_on_project_and_env_and_updated_at_id ON deployments (project_id, environment_id, updated_at, id);
            CREATE INDEX index_deployments_on_environment_id_and_finished_at_and_id ON deployments (environment_id, finished_at, id);
            """;
    }
}
