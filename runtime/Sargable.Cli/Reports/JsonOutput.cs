using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sargable.Cli.Reports
{
    /// <summary>Shared System.Text.Json settings for the JSON and SARIF reports: indented, '\n', readable SQL.</summary>
    internal static class JsonOutput
    {
        public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
            {
                Indented = true,
                NewLine = "\n",
                // Reports go to files and terminals, not into HTML: keep '<', '>', '&', quotes in SQL readable.
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }))
            {
                write(writer);
            }

            output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            output.Write('\n');
        }
    }
}
