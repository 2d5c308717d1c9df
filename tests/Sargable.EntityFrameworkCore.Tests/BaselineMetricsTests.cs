using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Sargable.Baselines;
using Sargable.EntityFrameworkCore.Tests.Support;

namespace Sargable.EntityFrameworkCore.Tests
{
    /// <summary>
    /// A baselined finding is accepted on every execution, the guard's fast path included: fleets see it neither in
    /// <c>sargable.findings</c> nor as a <c>finding</c> outcome, only as <c>allowed</c>.
    /// </summary>
    [Collection(nameof(MetricsCollection))]
    public sealed class BaselineMetricsTests(PostgresCorpusDatabase database) : IClassFixture<PostgresCorpusDatabase>
    {
        [Theory]
        [InlineData(SargableMode.Log)]
        [InlineData(SargableMode.Throw)]
        public async Task A_baselined_statement_is_never_counted_as_a_finding_however_often_it_runs(SargableMode mode)
        {
            var folder = Directory.CreateTempSubdirectory("sargable-baseline-metrics-").FullName;
            try
            {
                string sql;
                await using (var capture = database.Context(b => b.Mode(SargableMode.Throw)))
                {
                    sql = (await Assert.ThrowsAsync<InefficientQueryError>(() => capture.Environments.ToListAsync())).Sql;
                }

                var path = Path.Combine(folder, RuleIdFormat.BaselineFileName);
                await File.WriteAllTextAsync(path, new BaselineFile([new BaselineKey(RuleIds.UnboundedRead, "captured.sql", BaselineFingerprint.ForSql(sql))]).ToJson());

                using var metrics = new MetricsProbe();
                await using var db = database.Context(b => b.Mode(mode).UseBaselineFile(path));
                for (var i = 0; i < 4; i++)
                {
                    Assert.Equal(9, (await db.Environments.ToListAsync()).Count);
                }

                var collected = metrics.Collect();
                Assert.DoesNotContain(collected, s => s.Instrument == SargableDiagnostics.FindingsInstrumentName);
                var statement = Assert.Single(collected, s => s.Instrument == SargableDiagnostics.StatementsInstrumentName);
                Assert.Equal("allowed", statement.Tag("sargable.outcome"));
                Assert.Equal(1, statement.Sum);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
