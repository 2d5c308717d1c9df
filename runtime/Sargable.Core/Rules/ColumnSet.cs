using System;
using System.Collections.Generic;

namespace Sargable.Rules
{
    /// <summary>Column names compared as PostgreSQL folds unquoted identifiers: case-insensitively.</summary>
    internal static class ColumnSet
    {
        public static HashSet<string> Create() => new(StringComparer.OrdinalIgnoreCase);

        public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
