namespace Sargable.Internal
{
    /// <summary>The values of <c>sargable.outcome</c>.</summary>
    internal static class StatementOutcomes
    {
        public const string Clean = "clean";
        public const string Finding = "finding";
        public const string NotChecked = "not_checked";
        public const string Allowed = "allowed";
    }
}
