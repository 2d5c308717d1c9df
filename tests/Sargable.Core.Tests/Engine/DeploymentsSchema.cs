using System.IO;

namespace Sargable.Core.Tests.Engine
{
    /// <summary>
    /// The deployments schema as DDL, with the indexes GitLab's and Sentry's fixed queries rely on: the same file the
    /// README's sample command checks (samples/sql/schema.sql), so the sample and the tests cannot drift apart.
    /// </summary>
    internal static class DeploymentsSchema
    {
        public static string Ddl { get; } = File.ReadAllText(Sargable.Testing.RepositoryPaths.Combine("samples", "sql", "schema.sql"));
    }
}
