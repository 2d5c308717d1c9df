using System;
using System.IO;
using Sargable.Json;

namespace Sargable.Registry
{
    /// <summary>
    /// Reads and writes the registry JSON format (docs/registry.md). Reading is strict: anything the format does not
    /// define (unknown properties, wrong types, duplicates, invalid JSON) is a <see cref="RegistryFormatException"/>
    /// that names the place, so nothing in a registry file is ever silently ignored.
    /// </summary>
    public static class RegistryJson
    {
        /// <summary>The format version this library reads and writes (<c>"version": 1</c>).</summary>
        public const int FormatVersion = 1;

        /// <summary>The name used in error messages when the JSON did not come from a file.</summary>
        public const string DefaultSourceName = "registry JSON";

        /// <summary>Parses a registry document.</summary>
        /// <exception cref="RegistryFormatException">The text is not valid JSON or not a valid registry.</exception>
        public static IndexRegistry Parse(string json) => Parse(json, DefaultSourceName);

        /// <summary>Parses a registry document; <paramref name="sourceName"/> (e.g. a file path) starts every error message.</summary>
        /// <exception cref="RegistryFormatException">The text is not valid JSON or not a valid registry.</exception>
        public static IndexRegistry Parse(string json, string sourceName)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            if (string.IsNullOrEmpty(sourceName))
            {
                throw new ArgumentException("A source name is needed for error messages.", nameof(sourceName));
            }

            // Tables are read as the parser reaches them, so only one table's JSON tree is alive at a time.
            var reader = new RegistryJsonReader(sourceName);
            JsonNode root;
            try
            {
                root = JsonReader.Parse(json, JsonReader.DefaultMaxDepth, RegistryJsonReader.TablesPath, reader.ReadTable);
            }
            catch (JsonReaderException error)
            {
                throw RegistryFormatException.InvalidJson(sourceName, error);
            }

            return reader.Read(root);
        }

        /// <summary>Reads a registry file (UTF-8, with or without BOM); error messages start with <paramref name="path"/>.</summary>
        /// <exception cref="RegistryFormatException">The file is not valid JSON or not a valid registry.</exception>
        /// <exception cref="IOException">The file cannot be read (I/O errors are passed on unchanged).</exception>
        public static IndexRegistry Load(string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                throw new ArgumentException("A registry file path is needed.", nameof(path));
            }

            return Parse(File.ReadAllText(path), path);
        }

        /// <summary>
        /// Writes <paramref name="registry"/> in the documented format: indented, tables ordered by schema and name,
        /// each table's primary key first and then its indexes by name. <see cref="Parse(string)"/> reads it back unchanged.
        /// </summary>
        /// <exception cref="ArgumentException">A name cannot be represented in the format (see docs/registry.md).</exception>
        public static string Write(IndexRegistry registry) =>
            RegistryJsonWriter.Write(registry ?? throw new ArgumentNullException(nameof(registry)));
    }
}
