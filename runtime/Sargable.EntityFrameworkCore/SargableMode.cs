namespace Sargable
{
    /// <summary>What the runtime guard does with a finding.</summary>
    public enum SargableMode
    {
        /// <summary>The guard checks nothing.</summary>
        Off = 0,

        /// <summary>The query runs; each distinct finding is logged once. For production.</summary>
        Log = 1,

        /// <summary>The query is stopped before it reaches the database. For development, tests and CI.</summary>
        Throw = 2,
    }
}
