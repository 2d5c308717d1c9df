namespace Sargable.Analyzers
{
    /// <summary>Identity of the analyzer assembly; rules are added in the analyzers issue.</summary>
    internal static class AnalyzerAssembly
    {
        /// <summary>The category every Sargable diagnostic is reported under.</summary>
        public const string Category = "Performance";
    }
}
