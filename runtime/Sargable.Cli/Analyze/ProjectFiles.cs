using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Sargable.Cli.Analyze
{
    /// <summary>
    /// What <c>analyze PATH</c> names: a <c>.sln</c>, <c>.slnx</c> or <c>.csproj</c>, or a folder holding exactly one of
    /// them (solutions first). The C# project files are read from the solution text, so restore needs can be checked
    /// and a project that never loads can still be named.
    /// </summary>
    internal sealed class ProjectFiles
    {
        private static readonly Regex SlnProject = new(
            "^Project\\(\"\\{[^}]+\\}\"\\)\\s*=\\s*\"[^\"]*\"\\s*,\\s*\"(?<path>[^\"]+\\.csproj)\"",
            RegexOptions.Multiline | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        private ProjectFiles(string entry, bool isSolution, IReadOnlyList<string> projects)
        {
            Entry = entry;
            IsSolution = isSolution;
            Projects = projects;
        }

        /// <summary>The solution or project file to open (absolute).</summary>
        public string Entry { get; }

        public bool IsSolution { get; }

        /// <summary>The C# project files it holds (absolute), in solution order.</summary>
        public IReadOnlyList<string> Projects { get; }

        /// <summary>The folder baseline paths are relative to by default: the entry file's folder.</summary>
        public string Directory => Path.GetDirectoryName(Entry)!;

        /// <summary>Finds the entry file; on failure returns null and sets <paramref name="problem"/> to one sentence.</summary>
        public static ProjectFiles? Find(string fullPath, out string? problem)
        {
            problem = null;
            var entry = fullPath;
            if (System.IO.Directory.Exists(fullPath))
            {
                entry = PickEntry(fullPath, out problem)!;
                if (entry is null)
                {
                    return null;
                }
            }
            else if (!File.Exists(fullPath))
            {
                problem = $"'{fullPath}' does not exist.";
                return null;
            }

            var extension = Path.GetExtension(entry).ToLowerInvariant();
            try
            {
                switch (extension)
                {
                    case ".csproj":
                        return new ProjectFiles(entry, isSolution: false, [entry]);
                    case ".sln":
                        return new ProjectFiles(entry, isSolution: true, FromSln(entry));
                    case ".slnx":
                        return new ProjectFiles(entry, isSolution: true, FromSlnx(entry));
                    default:
                        problem = $"'{entry}' is not a .sln, .slnx or .csproj file (nor a folder holding one).";
                        return null;
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                problem = $"cannot read '{entry}': {error.Message.TrimEnd('.')}.";
                return null;
            }
        }

        private static string? PickEntry(string folder, out string? problem)
        {
            problem = null;
            foreach (var pattern in new[] { "*.slnx", "*.sln", "*.csproj" })
            {
                var found = System.IO.Directory.GetFiles(folder, pattern, SearchOption.TopDirectoryOnly).OrderBy(f => f, StringComparer.Ordinal).ToArray();
                if (found.Length == 1)
                {
                    return found[0];
                }

                if (found.Length > 1)
                {
                    problem = $"'{folder}' holds {found.Length} {pattern.Substring(1)} files ({string.Join(", ", found.Select(Path.GetFileName))}); name the one to analyze.";
                    return null;
                }
            }

            problem = $"'{folder}' holds no .sln, .slnx or .csproj file; pass one, or the folder that holds it.";
            return null;
        }

        private static List<string> FromSln(string sln)
        {
            var folder = Path.GetDirectoryName(sln)!;
            return SlnProject.Matches(File.ReadAllText(sln))
                .Select(m => Path.GetFullPath(m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar), folder))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        private static List<string> FromSlnx(string slnx)
        {
            var folder = Path.GetDirectoryName(slnx)!;
            return XDocument.Load(slnx).Descendants()
                .Where(e => e.Name.LocalName == "Project")
                .Select(e => (string?)e.Attribute("Path"))
                .Where(p => p is not null && p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .Select(p => Path.GetFullPath(p!.Replace('\\', Path.DirectorySeparatorChar), folder))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
    }
}
