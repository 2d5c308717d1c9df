using System;
using System.CommandLine;
using System.Linq;

namespace Sargable.Cli
{
    /// <summary>Option helpers shared by the commands.</summary>
    internal static class CliOptions
    {
        /// <summary>
        /// For <c>--baseline [FILE]</c> and <c>--write-baseline [FILE]</c>: the optional value must be a <c>.json</c> file, so
        /// a path or SQL file that follows a bare option is never taken for the baseline (and never overwritten).
        /// </summary>
        public static void BaselineFileOnly(Option<string?> option)
        {
            option.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string?>();
                if (value is not null && !value.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    result.AddError($"{option.Name} takes a .json file, not '{value}'; for the default {RuleIdFormat.BaselineFileName}, put {option.Name} after the paths or before another option.");
                }
            });
        }

        /// <summary>Like AcceptOnlyFromAmong, but the error is one sentence that names the option.</summary>
        public static void AcceptOnly(Option<string> option, params string[] values)
        {
            option.CompletionSources.Add(values);
            option.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string>();
                if (Array.IndexOf(values, value) < 0)
                {
                    result.AddError($"{option.Name} must be {string.Join(", ", values.Take(values.Length - 1))} or {values[^1]}, not '{value}'.");
                }
            });
        }
    }
}
