using System.Linq;
using Microsoft.EntityFrameworkCore;
using Sargable.Internal;

namespace Sargable
{
    /// <summary>Per-query suppression for the runtime guard and the CLI.</summary>
    public static class SargableQueryableExtensions
    {
        /// <summary>
        /// Suppresses one rule for this query, with a reason: tags the query so EF Core sends
        /// <c>-- sargable:allow SARG0003 &lt;reason&gt;</c> above the SQL, which the guard reads back and logs with the reason.
        /// Fix the query when you can; allow a shape only when it is right for its data.
        /// </summary>
        /// <exception cref="System.ArgumentException">The rule is unknown, or the reason is empty or whitespace.</exception>
        public static IQueryable<T> AllowSargable<T>(this IQueryable<T> source, string ruleId, string reason)
        {
            System.ArgumentNullException.ThrowIfNull(source);
            var rule = AllowTag.ValidateRule(ruleId, nameof(ruleId));
            return source.TagWith(AllowComment.Format(rule, AllowTag.ValidateReason(rule, reason, nameof(reason))));
        }
    }
}
