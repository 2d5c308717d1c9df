namespace Sargable.Analyzers.CodeFixes
{
    /// <summary>Identity of the code-fix assembly; fixes are added in the analyzers issue.</summary>
    internal static class CodeFixAssembly
    {
        /// <summary>Prefix of every code action's equivalence key, so FixAll groups our fixes only.</summary>
        public const string EquivalenceKeyPrefix = "Sargable.";
    }
}
