using System.IO.Compression;
using System.Xml.Linq;

namespace Sargable.Packaging.Tests
{
    /// <summary>Reads a package's nuspec.</summary>
    internal static class PackageMetadata
    {
        public static string Nuspec(ZipArchive archive, string id)
        {
            var entry = archive.GetEntry(id + ".nuspec") ?? throw new InvalidOperationException(id + " has no nuspec.");
            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd();
        }

        /// <summary>The text of one element under the nuspec's metadata, or null.</summary>
        public static string? Element(string nuspec, string name)
        {
            var metadata = XDocument.Parse(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            return metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        }

        /// <summary>An attribute of one element under the nuspec's metadata, or null.</summary>
        public static string? Attribute(string nuspec, string element, string attribute)
        {
            var metadata = XDocument.Parse(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            return metadata.Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Attribute(attribute)?.Value;
        }
    }
}
