using System;

namespace Sargable.Testing
{
    /// <summary>Thrown when no PostgreSQL server can be started or reached for the tests.</summary>
    public sealed class PostgresUnavailableException : Exception
    {
        public PostgresUnavailableException(string message)
            : base(message)
        {
        }

        public PostgresUnavailableException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
