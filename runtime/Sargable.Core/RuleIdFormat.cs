using System;
using System.Globalization;

namespace Sargable
{
    /// <summary>
    /// The one definition of a rule ID's spelling (<c>SARG</c> plus four digits) and of the names derived from the
    /// product: help links, configuration keys, the registry file. Front-ends ask here instead of assuming the shape.
    /// </summary>
    public static class RuleIdFormat
    {
        /// <summary>The prefix of every rule ID.</summary>
        public const string Prefix = "SARG";

        /// <summary>Digits after the prefix.</summary>
        public const int Digits = 4;

        /// <summary>Length of a rule ID: prefix plus digits.</summary>
        public const int Length = 8;

        /// <summary>The prefix of tool diagnostics that are not rules (a registry file that cannot be read).</summary>
        public const string ToolPrefix = "SARGC";

        /// <summary>Help pages live in the repository under docs/rules/SARGxxxx.md.</summary>
        public const string HelpBaseUri = "https://github.com/sargable/sargable/blob/main/docs/rules/";

        /// <summary>The prefix of every <c>.editorconfig</c> key the analyzers read.</summary>
        public const string ConfigKeyPrefix = "sargable.";

        /// <summary>The registry file the analyzers read as an AdditionalFile.</summary>
        public const string RegistryFileName = "sargable.json";

        /// <summary>The baseline file: findings accepted when Sargable was adopted (docs/baseline.md).</summary>
        public const string BaselineFileName = "sargable.baseline.json";

        /// <summary>The ID of rule <paramref name="number"/>: 3 → SARG0003.</summary>
        public static string Format(int number)
        {
            if (number < 1 || number > 9999)
            {
                throw new ArgumentOutOfRangeException(nameof(number), number, "Rule numbers run from 1 to 9999.");
            }

            return Prefix + number.ToString("D4", CultureInfo.InvariantCulture);
        }

        /// <summary>True when <paramref name="text"/> is shaped like a rule ID (any case); says nothing of whether the rule exists.</summary>
        public static bool IsWellFormed(string? text) => text is not null && text.Length == Length && MatchesAt(text, 0);

        /// <summary>The rule's number (SARG0003 → 3), or 0 when the text is not a rule ID.</summary>
        public static int Number(string? ruleId)
        {
            if (!IsWellFormed(ruleId))
            {
                return 0;
            }

            var number = 0;
            for (var i = Prefix.Length; i < Length; i++)
            {
                number = (number * 10) + (ruleId![i] - '0');
            }

            return number;
        }

        /// <summary>The help page of a rule ID.</summary>
        public static string HelpLink(string ruleId) => HelpBaseUri + (ruleId ?? throw new ArgumentNullException(nameof(ruleId))).ToUpperInvariant() + ".md";

        /// <summary>The full configuration key for <paramref name="name"/> (<c>small_tables</c> → <c>sargable.small_tables</c>).</summary>
        public static string ConfigKey(string name) => ConfigKeyPrefix + name;

        /// <summary>True when a rule ID starts at <paramref name="start"/> of <paramref name="text"/> and is not followed by a letter or digit.</summary>
        internal static bool MatchesAt(string text, int start)
        {
            if (start < 0 || start + Length > text.Length)
            {
                return false;
            }

            if (string.Compare(text, start, Prefix, 0, Prefix.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return false;
            }

            for (var i = start + Prefix.Length; i < start + Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return start + Length == text.Length || !char.IsLetterOrDigit(text[start + Length]);
        }
    }
}
