using System;
using System.CommandLine;
using System.Linq;

namespace Sargable.Cli
{
    /// <summary>Option helpers shared by the commands.</summary>
    internal static class CliOptions
    {
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
