using System;
using System.Linq;
using System.Text;

namespace Sargable.Internal
{
    /// <summary>Validates the rule and reason of an allow made in code; the text itself is <see cref="AllowComment"/>'s.</summary>
    internal static class AllowTag
    {
        /// <summary>The catalog's spelling of a known rule ID.</summary>
        public static string ValidateRule(string ruleId, string parameter)
        {
            if (string.IsNullOrWhiteSpace(ruleId))
            {
                throw new ArgumentException("Name the rule to allow, e.g. RuleIds.FilterOrderMismatch.", parameter);
            }

            if (!RuleCatalog.TryGet(ruleId.Trim(), out var rule) || rule is null)
            {
                throw new ArgumentException(
                    $"'{ruleId}' is not a Sargable rule; known rules are {string.Join(", ", RuleCatalog.All.Select(r => r.Id))}.", parameter);
            }

            return rule.Id;
        }

        /// <summary>The reason on one line with single spaces; empty or whitespace is refused.</summary>
        public static string ValidateReason(string ruleId, string reason, string parameter)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new ArgumentException(
                    $"Allowing {ruleId} needs a reason: say why this query shape is right for its data (e.g. \"report over a table that stays under 100 rows\"). " +
                    "The reason is written to the log whenever the rule would have fired.",
                    parameter);
            }

            var text = new StringBuilder(reason.Length);
            var space = false;
            foreach (var c in reason.Trim())
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    text.Append(' ');
                    space = false;
                }

                text.Append(c);
            }

            return text.ToString();
        }
    }
}
