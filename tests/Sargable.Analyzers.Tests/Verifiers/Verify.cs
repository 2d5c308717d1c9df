namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>Shorthands over <see cref="AnalyzerTest"/> for the common cases.</summary>
    public static class Verify
    {
        /// <summary>The diagnostics of <paramref name="ruleId"/> (and of any rule the markup names) are exactly the marked ones.</summary>
        public static Task DiagnosticsAsync(string markup, string ruleId, IReadOnlyDictionary<string, string>? editorConfig = null)
        {
            var test = new AnalyzerTest(markup, ruleId);
            if (editorConfig is not null)
            {
                foreach (var pair in editorConfig)
                {
                    test.EditorConfig[pair.Key] = pair.Value;
                }
            }

            return test.RunAsync();
        }

        /// <summary>No diagnostic of the given rule in the source.</summary>
        public static Task NoDiagnosticsAsync(string source, string ruleId) => new AnalyzerTest(source, ruleId).RunAsync();

        /// <summary>No diagnostic of any Sargable rule in the source.</summary>
        public static Task NoDiagnosticsAsync(string source) =>
            new AnalyzerTest(source, RuleCatalog.All.First().Id) { CheckAllRules = true }.RunAsync();
    }
}
