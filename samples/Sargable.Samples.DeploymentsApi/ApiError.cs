using System;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>Bad input: answered with 400 (or <see cref="StatusCode"/>) and <c>{"message": "..."}</c>.</summary>
    public sealed class ApiError : Exception
    {
        public ApiError(string message, int statusCode = 400)
            : base(message)
        {
            StatusCode = statusCode;
        }

        public int StatusCode { get; }

        public static ApiError NotFound(string what) => new($"404 {what} Not Found", 404);
    }
}
