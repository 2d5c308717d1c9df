using System;
using System.Collections.Generic;
using Sargable.Sql;

namespace Sargable.Shapes.Sql
{
    /// <summary>Collects the <see cref="AllowComment"/> suppressions of a statement's comments (EF's TagWith writes <c>-- ...</c> lines).</summary>
    internal static class SuppressionReader
    {
        public static IReadOnlyList<RuleSuppression> Read(IReadOnlyList<SqlComment> comments)
        {
            List<RuleSuppression>? result = null;
            foreach (var comment in comments)
            {
                var found = AllowComment.Read(comment.Text);
                if (found.Count > 0)
                {
                    result ??= new List<RuleSuppression>();
                    result.AddRange(found);
                }
            }

            return result ?? (IReadOnlyList<RuleSuppression>)Array.Empty<RuleSuppression>();
        }
    }
}
