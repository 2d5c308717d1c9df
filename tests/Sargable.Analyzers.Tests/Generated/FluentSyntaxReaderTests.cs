using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sargable.Analyzers.Model;
using Sargable.Analyzers.Tests.Corpus;
using Sargable.Analyzers.Tests.Verifiers;
using Sargable.Benchmarks.Analyzers;

namespace Sargable.Analyzers.Tests.Generated
{
    /// <summary>
    /// Reading OnModelCreating and Configure from syntax must never change the model: every context these tests, the
    /// samples and the generated projects contain is read both ways and compared in full, and the forms the syntax
    /// reader must hand over to binding are shown to be handed over.
    /// </summary>
    public sealed partial class FluentSyntaxReaderTests
    {
        [Fact]
        public void Generated_context_is_read_from_syntax_with_the_bound_model()
        {
            var compilation = Compile(GeneratedEfProject.Sources(40).Select(s => s.Text));
            var ef = CompilationState.For(compilation, default)!.Symbols;
            var onModelCreating = compilation.GetTypeByMetadataName("Generated.AppDbContext")!.GetMembers("OnModelCreating").OfType<IMethodSymbol>().Single();

            Assert.True(EfModelReader.CanReadFromSyntax(ef, onModelCreating, CancellationToken.None));
            var bound = Describe(EfModelReader.Read(ef, readSyntaxFirst: false, CancellationToken.None));
            Assert.Equal(bound, Describe(EfModelReader.Read(ef, readSyntaxFirst: true, CancellationToken.None)));
            Assert.Contains("entity5s", bound, StringComparison.Ordinal);
            Assert.Contains("index (TenantId,Name) unique", bound, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Forms))]
        public void Each_form_is_read_the_same_both_ways(string name, string onModelCreating, bool fromSyntax)
        {
            var compilation = Compile(new[] { FormModel(onModelCreating) });
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var ef = CompilationState.For(compilation, default)!.Symbols;
            var method = compilation.GetTypeByMetadataName("Forms.FormsDb")!.GetMembers("OnModelCreating").OfType<IMethodSymbol>().Single();

            Assert.True(fromSyntax == EfModelReader.CanReadFromSyntax(ef, method, CancellationToken.None), $"{name}: read from syntax should be {fromSyntax}");
            Assert.Equal(Describe(EfModelReader.Read(ef, readSyntaxFirst: false, CancellationToken.None)), Describe(EfModelReader.Read(ef, readSyntaxFirst: true, CancellationToken.None)));
        }

        [Fact]
        public void Every_model_in_the_tests_and_samples_is_read_the_same_both_ways()
        {
            var models = 0;
            var fromSyntax = 0;
            foreach (var (origin, sources) in Corpus())
            {
                var compilation = Compile(sources);
                var ef = CompilationState.For(compilation, default)?.Symbols;
                if (ef is null)
                {
                    continue;
                }

                Assert.True(
                    Describe(EfModelReader.Read(ef, readSyntaxFirst: false, CancellationToken.None)) == Describe(EfModelReader.Read(ef, readSyntaxFirst: true, CancellationToken.None)),
                    $"The model of {origin} differs when read from syntax.");
                models++;
                fromSyntax += compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
                    .Where(m => m.Identifier.ValueText is "OnModelCreating" or "Configure")
                    .Select(m => compilation.GetSemanticModel(m.SyntaxTree).GetDeclaredSymbol(m))
                    .Count(m => m is not null && EfModelReader.CanReadFromSyntax(ef, m, CancellationToken.None));
            }

            Assert.True(models >= 25, $"Only {models} models were compared.");
            Assert.True(fromSyntax >= 30, $"Only {fromSyntax} methods were read from syntax.");
        }

        private static CSharpCompilation Compile(IEnumerable<string> sources) => SourceCorpus.Compile(sources);

        /// <summary>Every literal in the analyzer tests that holds a model, and each project of the repository that has one.</summary>
        private static IEnumerable<(string Origin, IReadOnlyList<string> Sources)> Corpus() =>
            SourceCorpus.TestLiterals(text => text.Contains("OnModelCreating", StringComparison.Ordinal) || text.Contains("IEntityTypeConfiguration<", StringComparison.Ordinal))
                .Select(l => (l.Origin, (IReadOnlyList<string>)new[] { l.Text, TestModel.Deployments }))
                .Concat(SourceCorpus.Projects())
                .Append(("the repository project", GeneratedRepositoryProject.Sources(60).Select(s => s.Text).ToList()));

        /// <summary>Everything the analyzers use from the model, entity by entity, in a stable order.</summary>
        private static string Describe(EfModel model)
        {
            var text = new StringBuilder();
            foreach (var entity in model.Entities.OrderBy(e => e.Type.ToDisplayString(), StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{entity.Type.ToDisplayString()}: table {entity.Schema}.{entity.TableName} explicit {entity.TableNameExplicit}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  names {string.Join(",", entity.Names.Order(StringComparer.Ordinal))}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  columns {string.Join(",", entity.Columns.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value))}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  strings {string.Join(",", entity.StringColumns.Order(StringComparer.Ordinal))} booleans {string.Join(",", entity.BooleanColumns.Order(StringComparer.Ordinal))}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  enums {string.Join(",", entity.EnumColumns.Keys.Order(StringComparer.Ordinal))} as text {string.Join(",", entity.StringEnumColumns.Order(StringComparer.Ordinal))}");
                foreach (var navigation in entity.Navigations.OrderBy(n => n.Key, StringComparer.Ordinal))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  navigation {navigation.Key} -> {navigation.Value.Target.ToDisplayString()} by {Join(navigation.Value.ForeignKey)}");
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"  key {Join(entity.PrimaryKey)} keyless {entity.Keyless}");
                foreach (var index in entity.Indexes)
                {
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"  index ({Join(index.Properties)}){(index.Unique ? " unique" : string.Empty)} {index.Name} pk {index.PrimaryKey} desc {string.Join(",", index.Descending)} filter {index.Filter}");
                }

                foreach (var foreignKey in entity.ForeignKeys)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  foreign key ({Join(foreignKey)})");
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"  visible {entity.IndexesVisible} seeded {entity.Seeded} lookup {entity.LookupReason}");
            }

            return text.ToString();
        }

        private static string Join(IReadOnlyList<string>? names) => names is null ? "-" : string.Join(",", names);
    }
}
