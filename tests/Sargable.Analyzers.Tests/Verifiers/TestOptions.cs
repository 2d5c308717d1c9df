using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>.editorconfig options for <see cref="AnalyzerRunner.RunAsync"/>, the same for every tree (framework tests use a real .editorconfig).</summary>
    public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestConfigOptions options;

        public TestOptionsProvider(IReadOnlyDictionary<string, string>? values) => options = new TestConfigOptions(values ?? new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

        private sealed class TestConfigOptions : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> values;

            public TestConfigOptions(IReadOnlyDictionary<string, string> values) => this.values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

    /// <summary>An additional file (sargable.json) for a test compilation.</summary>
    public sealed class TestAdditionalText : AdditionalText
    {
        private readonly SourceText text;

        public TestAdditionalText(string path, string content)
        {
            Path = path;
            text = SourceText.From(content);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
