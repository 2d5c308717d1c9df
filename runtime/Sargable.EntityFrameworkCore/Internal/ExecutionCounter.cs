using System.Collections.Generic;

namespace Sargable.Internal
{
    /// <summary>
    /// How often one statement ran in one unit of work, counted by distinct parameter values (only hashes are kept,
    /// never the values). Crossing the threshold reports N+1 once per statement and scope.
    /// </summary>
    internal sealed class ExecutionCounter
    {
        private readonly HashSet<int> parameterHashes = new();
        private bool reported;

        public int Executions { get; private set; }

        /// <summary>Counts one execution; true exactly once, when distinct parameter sets first exceed <paramref name="threshold"/>.</summary>
        public bool Count(int parameterHash, int threshold)
        {
            lock (parameterHashes)
            {
                Executions++;
                if (reported)
                {
                    return false;
                }

                parameterHashes.Add(parameterHash);
                if (parameterHashes.Count > threshold)
                {
                    reported = true;
                    parameterHashes.Clear();
                    return true;
                }

                return false;
            }
        }
    }
}
