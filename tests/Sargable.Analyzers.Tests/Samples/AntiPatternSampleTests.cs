using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sargable.Analyzers.Tests.Verifiers;

namespace Sargable.Analyzers.Tests.Samples
{
    /// <summary>
    /// Compiles samples/Sargable.Samples.AntiPatterns with every analyzer in process and compares what they report
    /// (rule, file, line) with samples/Sargable.Samples.AntiPatterns/expected-diagnostics.txt.
    /// </summary>
    public sealed class AntiPatternSampleTests
    {
        private static readonly string SampleDirectory = RepositoryPaths.Combine("samples", "Sargable.Samples.AntiPatterns");

        [Fact]
        public async Task Reported_diagnostics_match_the_expected_list()
        {
            var files = Directory.EnumerateFiles(SampleDirectory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !Relative(f).StartsWith("bin/", StringComparison.Ordinal) && !Relative(f).StartsWith("obj/", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            Assert.NotEmpty(files);
            var compilation = AnalyzerRunner.CompileFiles("Sargable.Samples.AntiPatterns", files);

            var diagnostics = await AnalyzerRunner.AnalyzeAsync(compilation);
            var actual = diagnostics
                .Where(d => d.Id.StartsWith(RuleIdFormat.Prefix, StringComparison.Ordinal))
                .Select(d => $"{d.Id} {Relative(d.Location.SourceTree!.FilePath)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}")
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();
            var expected = File.ReadAllLines(Path.Combine(SampleDirectory, "expected-diagnostics.txt"))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();

            var missing = expected.Except(actual).ToList();
            var unexpected = actual.Except(expected).ToList();
            Assert.True(
                missing.Count == 0 && unexpected.Count == 0,
                "expected-diagnostics.txt differs from what the analyzers report:" + Environment.NewLine +
                string.Join(Environment.NewLine, missing.Select(m => "  missing    " + m).Concat(unexpected.Select(u => "  unexpected " + u))));

            // Every anti-pattern file shows its own rule, and no corrected file reports anything.
            foreach (var file in files.Select(Relative).Where(f => f.StartsWith("AntiPatterns/", StringComparison.Ordinal)))
            {
                var rule = Path.GetFileName(file).Substring(0, RuleIdFormat.Length);
                Assert.Contains(actual, l => l.StartsWith($"{rule} {file}:", StringComparison.Ordinal));
            }

            Assert.DoesNotContain(actual, l => l.Contains(" Corrected/", StringComparison.Ordinal));
        }

        private static string Relative(string path) => Path.GetRelativePath(SampleDirectory, path).Replace('\\', '/');
    }
}
