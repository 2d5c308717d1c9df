using System;
using Sargable.Baselines;

namespace Sargable.Core.Tests.Baselines
{
    public sealed class BaselineFingerprintTests
    {
        [Fact]
        public void Sql_that_differs_in_layout_case_comments_literals_and_parameters_has_one_fingerprint()
        {
            var a = BaselineFingerprint.ForSql("SELECT d.id FROM deployments AS d WHERE d.project_id = @p0 AND d.status = 'ok' LIMIT 20");
            var b = BaselineFingerprint.ForSql("select d.id\n  from DEPLOYMENTS as d -- listing\n where d.project_id = $1 and d.status = 'failed'\n limit 50;");

            Assert.Equal(a, b);
        }

        [Fact]
        public void Sql_that_reads_another_column_has_another_fingerprint()
        {
            Assert.NotEqual(
                BaselineFingerprint.ForSql("SELECT id FROM deployments WHERE project_id = $1"),
                BaselineFingerprint.ForSql("SELECT id FROM deployments WHERE environment_id = $1"));
        }

        [Fact]
        public void Quoted_names_keep_their_case_in_the_fingerprint()
        {
            Assert.Equal("select \"Id\" from \"Orders\"", BaselineFingerprint.NormalizeSql("SELECT \"Id\" FROM \"Orders\";"));
        }

        [Fact]
        public void Code_fingerprints_depend_on_member_and_tokens_and_carry_their_prefix()
        {
            var one = BaselineFingerprint.ForCode("M:Shop.Orders.All", ["db", ".", "Orders", ".", "ToList", "(", ")"]);

            Assert.StartsWith(BaselineFingerprint.CodePrefix, one, StringComparison.Ordinal);
            Assert.Equal(one, BaselineFingerprint.ForCode("M:Shop.Orders.All", ["db", ".", "Orders", ".", "ToList", "(", ")"]));
            Assert.NotEqual(one, BaselineFingerprint.ForCode("M:Shop.Orders.Some", ["db", ".", "Orders", ".", "ToList", "(", ")"]));
        }

        [Fact]
        public void Relative_paths_use_forward_slashes_and_climb_with_dot_dot()
        {
            Assert.Equal("src/Orders/Repo.cs", BaselineFingerprint.RelativePath("/repo", "/repo/src/Orders/Repo.cs"));
            Assert.Equal("../other/Repo.cs", BaselineFingerprint.RelativePath("/repo/app", "/repo/other/Repo.cs"));
        }
    }
}
