using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>
    /// Reads route and query values by hand, so that every malformed value is a 400 whose message names the parameter
    /// (model binding would answer some of them with an empty 400, or a 404 for a route constraint).
    /// </summary>
    internal static partial class RequestReader
    {
        public static long Id(HttpContext context, string name)
        {
            var text = context.Request.RouteValues[name] as string;
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id
                : throw new ApiError($"{name} is invalid: '{text}' is not a positive integer");
        }

        public static string? String(HttpContext context, string name)
        {
            var values = context.Request.Query[name];
            if (values.Count > 1)
            {
                throw new ApiError($"{name} is given more than once");
            }

            var value = values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
            TextInput.RequireClean(name, value);
            return value;
        }

        public static long? Long(HttpContext context, string name)
        {
            var text = String(context, name);
            if (text is null)
            {
                return null;
            }

            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ApiError($"{name} is invalid: '{text}' is not a positive integer");
        }

        public static int Int(HttpContext context, string name, int defaultValue, int min, int max)
        {
            var text = String(context, name);
            if (text is null)
            {
                return defaultValue;
            }

            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw new ApiError($"{name} is invalid: '{text}' is not an integer");
            }

            return value >= min && value <= max ? value : throw new ApiError($"{name} must be between {min} and {max}");
        }

        /// <summary>
        /// An ISO 8601 date (<c>2025-06-20</c>) or date and time (<c>2025-06-20T14:30</c>, with seconds and up to 7
        /// fraction digits), with <c>Z</c> or an offset such as <c>+02:00</c>; one without an offset is UTC. Nothing else:
        /// no other date order, no RFC 1123, no white space. Returned as UTC.
        /// </summary>
        public static DateTime? Time(HttpContext context, string name)
        {
            var text = String(context, name);
            if (text is null)
            {
                return null;
            }

            return IsoTimes.IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? value.UtcDateTime
                : throw new ApiError($"{name} is invalid: '{text}' is not an ISO 8601 date and time");
        }

        /// <summary>Repeated (<c>status=a&amp;status=b</c>, also <c>status[]=</c>) or comma-separated values.</summary>
        public static IReadOnlyList<string>? List(HttpContext context, string name)
        {
            var given = context.Request.Query[name].Concat(context.Request.Query[name + "[]"]).ToList();
            given.ForEach(v => TextInput.RequireClean(name, v));
            var values = given
                .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();
            return values.Count == 0 ? null : values;
        }

        /// <summary>A comma-separated list of positive ids (<c>ids=1,2</c>).</summary>
        public static long[] Ids(HttpContext context, string name, int max)
        {
            var values = List(context, name) ?? throw new ApiError($"{name} is missing: give one or more project ids, e.g. {name}=1,2");
            if (values.Count > max)
            {
                throw new ApiError($"{name} holds {values.Count} ids; at most {max} are allowed");
            }

            return values.Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                    ? id
                    : throw new ApiError($"{name} is invalid: '{v}' is not a positive integer"))
                .ToArray();
        }

        [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?\z", RegexOptions.CultureInvariant)]
        private static partial Regex IsoTimesRegex();

        private static Regex IsoTimes => IsoTimesRegex();
    }
}
