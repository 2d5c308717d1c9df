using System;

namespace Sargable.Baselines
{
    /// <summary>A baseline file that is not in the format of docs/baseline.md; the message names the file, the place and the problem.</summary>
    public sealed class BaselineFormatException : FormatException
    {
        /// <summary>Creates the exception with a message that names the problem.</summary>
        public BaselineFormatException(string message)
            : base(message)
        {
        }
    }
}
