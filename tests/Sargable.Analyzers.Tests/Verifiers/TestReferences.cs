using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Metadata references for test compilations: the runtime's trusted platform assemblies (which include the EF Core
    /// assemblies this test project references), loaded once per test process.
    /// </summary>
    public static class TestReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

        public static ImmutableArray<MetadataReference> WithEfCore => All.Value;

        /// <summary>The same set without any Microsoft.EntityFrameworkCore* assembly: a project that does not use EF.</summary>
        public static ImmutableArray<MetadataReference> WithoutEfCore { get; } = All.Value
            .Where(r => !Path.GetFileName(r.Display ?? string.Empty).StartsWith("Microsoft.EntityFrameworkCore", StringComparison.OrdinalIgnoreCase))
            .ToImmutableArray();

        private static ImmutableArray<MetadataReference> Load()
        {
            var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            var wanted = new List<string>();
            foreach (var path in paths)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard" ||
                    name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) ||
                    name is "Microsoft.CSharp" or "Microsoft.VisualBasic.Core" or "Microsoft.Win32.Primitives")
                {
                    wanted.Add(path);
                }
            }

            // The EF assemblies this project references, whatever the host put on the TPA list.
            wanted.Add(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location);
            wanted.Add(typeof(Microsoft.EntityFrameworkCore.RelationalQueryableExtensions).Assembly.Location);
            return wanted.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        }
    }
}
