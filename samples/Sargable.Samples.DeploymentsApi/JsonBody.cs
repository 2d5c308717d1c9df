using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Sargable.Samples.DeploymentsApi
{
    /// <summary>
    /// Reads a request body into a body record. Each field is checked against its property's type first, so a wrong
    /// type is a 400 naming the field and the type it takes (<c>status must be a string, not a number</c>) rather than
    /// "not valid JSON"; every string field then goes through <see cref="TextInput.RequireClean"/>.
    /// </summary>
    internal static class JsonBody
    {
        public static async Task<T> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken)
            where T : class
        {
            if (!context.Request.HasJsonContentType())
            {
                throw new ApiError("the request body must be JSON (Content-Type: application/json)");
            }

            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(context.Request.Body, default, cancellationToken);
            }
            catch (JsonException error)
            {
                throw new ApiError(error.LineNumber is { } line
                    ? $"the request body is not valid JSON (line {line + 1}, byte {error.BytePositionInLine + 1})"
                    : "the request body is not valid JSON");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ApiError($"the request body must be a JSON object, not {Kind(document.RootElement.ValueKind)}");
                }

                foreach (var property in typeof(T).GetProperties())
                {
                    var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
                    if (document.RootElement.TryGetProperty(name, out var value))
                    {
                        Check(name, property.PropertyType, value);
                    }
                }

                return document.RootElement.Deserialize<T>() ?? throw new ApiError("the request body is empty: send a JSON object");
            }
        }

        private static void Check(string name, Type type, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (target == typeof(string))
            {
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw new ApiError($"{name} must be a string, not {Kind(value.ValueKind)}");
                }

                string? text;
                try
                {
                    text = value.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new ApiError($"{name} is invalid: it contains an unpaired UTF-16 surrogate");
                }

                TextInput.RequireClean(name, text);
                return;
            }

            if ((target == typeof(int) || target == typeof(long)) && !(value.ValueKind == JsonValueKind.Number && (target == typeof(int) ? value.TryGetInt32(out _) : value.TryGetInt64(out _))))
            {
                throw new ApiError($"{name} must be an integer, not {Kind(value.ValueKind)}");
            }
        }

        private static string Kind(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
