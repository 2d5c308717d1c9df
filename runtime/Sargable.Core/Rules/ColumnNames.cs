using System;
using System.Collections;
using System.Collections.Generic;

namespace Sargable.Rules
{
    /// <summary>
    /// The few column names one access binds, compared as <see cref="ColumnSet"/> does. A list scanned in place rather
    /// than a hash set: an access binds a handful of columns, and the analyzers build these for every query they read,
    /// where four hash sets per access were a tenth of what the analyzers allocate.
    /// </summary>
    internal sealed class ColumnNames : IReadOnlyCollection<string>
    {
        private List<string>? names;

        public int Count => names?.Count ?? 0;

        public bool Contains(string column)
        {
            if (names is null)
            {
                return false;
            }

            foreach (var name in names)
            {
                if (ColumnSet.Same(name, column))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Adds the column unless it is already there (in any letter case).</summary>
        public void Add(string column)
        {
            if (!Contains(column))
            {
                (names ??= new List<string>(4)).Add(column);
            }
        }

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>?)names ?? Array.Empty<string>()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
