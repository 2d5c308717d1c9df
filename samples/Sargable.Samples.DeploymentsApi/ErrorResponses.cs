using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>
    /// Turns what is not the server's fault into an answer with <c>{"message": "..."}</c>: bad input is a 400 naming the
    /// problem (the finder's refusals in GitLab's words, unknown statuses, malformed values), a database that has no
    /// connection to spare is a 503 with Retry-After. Anything else is a bug and stays a 500.
    /// </summary>
    internal static class ErrorResponses
    {
        /// <summary>Seconds a client should wait after a 503: about one pool timeout's worth of waiting requests draining.</summary>
        public const int RetryAfterSeconds = 1;

        public static async Task HandleAsync(HttpContext context, RequestDelegate next)
        {
            try
            {
                await next(context);
            }
            catch (Exception error) when (Answer(error) is { } answer && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = answer.Status;
                if (answer.Status == StatusCodes.Status503ServiceUnavailable)
                {
                    context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorResponses))
                        .LogWarning("Answered 503: {Reason}", answer.Message);
                }

                await context.Response.WriteAsJsonAsync(new MessageJson(answer.Message));
            }
        }

        private static (int Status, string Message)? Answer(Exception error) => error switch
        {
            ApiError api => (api.StatusCode, api.Message),
            InefficientQueryError { Sql.Length: 0 } refused => (StatusCodes.Status400BadRequest, refused.Message), // refused before any SQL: the request's fault
            ArgumentException argument when argument.Message.StartsWith("The deployment status ", StringComparison.Ordinal) => (StatusCodes.Status400BadRequest, argument.Message),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            _ when Busy(error) is { } reason => (StatusCodes.Status503ServiceUnavailable, reason),
            _ => null,
        };

        /// <summary>Why the database cannot take the request now, looking through EF Core's wrappers; null when it can.</summary>
        private static string? Busy(Exception error)
        {
            for (var e = error; e is not null; e = e.InnerException)
            {
                switch (e)
                {
                    // Npgsql's pool-exhausted and connect-timeout errors: a TimeoutException inside an NpgsqlException.
                    case NpgsqlException { InnerException: TimeoutException }:
                        return "the database has no free connection: try again shortly";
                    case SqliteException { SqliteErrorCode: 5 or 6 }:
                        return "the database is busy: try again shortly";
                }
            }

            return null;
        }
    }
}
