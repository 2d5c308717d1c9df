namespace Sargable
{
    /// <summary>How serious a finding is; ordered so that comparisons such as "at or above warning" work.</summary>
    public enum Severity
    {
        /// <summary>Worth knowing; never fails a build by default.</summary>
        Info = 0,

        /// <summary>A slow shape that should be fixed; fails CI by default.</summary>
        Warning = 1,

        /// <summary>A shape that must not ship.</summary>
        Error = 2,
    }
}
