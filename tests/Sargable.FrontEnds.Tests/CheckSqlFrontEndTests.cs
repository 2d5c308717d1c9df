using System.Diagnostics;
using System.Text.RegularExpressions;
using Sargable.Testing;

namespace Sargable.FrontEnds.Tests
{
    /// <summary><c>sargable check-sql</c> reads a <c>-- text</c> comment above a statement (what TagWith writes) like the others.</summary>
    public sealed class CheckSqlFrontEndTests : IDisposable
    {
        private const string Schema = """
            CREATE TABLE deployments (id bigint PRIMARY KEY, project_id bigint NOT NULL, updated_at timestamptz NOT NULL, created_at timestamptz NOT NULL);
            CREATE INDEX index_deployments_on_project_id_and_updated_at ON deployments (project_id, updated_at);
            """;

        private readonly string folder = Directory.CreateTempSubdirectory("sargable-frontends-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        [Theory]
        [MemberData(nameof(AllowCommentCases.All), MemberType = typeof(AllowCommentCases))]
        public void Check_sql_reports_the_rules_a_comment_leaves_standing(string tag, string[] expected)
        {
            File.WriteAllText(Path.Combine(folder, "schema.sql"), Schema);
            File.WriteAllText(
                Path.Combine(folder, "report.sql"),
                (tag.Length == 0 ? string.Empty : "-- " + tag + "\n") +
                "SELECT * FROM deployments WHERE project_id = $1 AND updated_at <= $2 ORDER BY created_at LIMIT 20 OFFSET $3;\n");

            var (exit, output) = RunCheckSql("--schema", "schema.sql", "report.sql");

            Assert.True(exit == (expected.Length == 0 ? 0 : 1), output);
            var reported = Regex.Matches(output, @"^report\.sql:\d+:\d+: \w+ (SARG\d{4}):", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
            Assert.Equal(expected, reported.Distinct().OrderBy(id => id, StringComparer.Ordinal));
        }

        private (int ExitCode, string Output) RunCheckSql(params string[] arguments)
        {
            var configuration = RepositoryPaths.Configuration;
            var cli = RepositoryPaths.Combine("runtime", "Sargable.Cli", "bin", configuration, "net10.0", "sargable.dll");
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
            {
                WorkingDirectory = folder,
            };
            info.ArgumentList.Add(cli);
            info.ArgumentList.Add("check-sql");
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            var result = ChildProcess.Run(info, TimeSpan.FromMinutes(2));
            return (result.ExitCode, result.Stdout + result.Stderr);
        }
    }
}
