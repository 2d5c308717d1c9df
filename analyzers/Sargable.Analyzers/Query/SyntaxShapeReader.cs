using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Analyzers.Model;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>
    /// A fast, syntax-only front-end for the common plain query (<c>db.Deployments.Where(d => ...).OrderBy(...).Take(n).ToListAsync()</c>),
    /// read against the same EF model into the same shape and locations as the binding <see cref="ShapeBuilder"/>.
    /// When the engine finds nothing in it, the query is clean and its method is never bound. When it does find
    /// something, the finding is reported from this reading only if every fact was read with certainty
    /// (<see cref="SyntaxRead.Reportable"/>) and <see cref="DbSetRootResolver"/> confirms the DbSet from declarations;
    /// anything else (locals, unknown calls, ambiguous names, joins) goes to the binding reader. Binding method bodies
    /// is what analyzers cost, so the common slow shapes are reported without it.
    /// </summary>
    /// <remarks>
    /// The reading mirrors <see cref="ShapeBuilder"/>'s phases, on syntax; each gives up (no reading: the binding reader
    /// decides) on anything it cannot read exactly:
    /// <list type="number">
    /// <item><description>Walk (this file): from the executing call back through the chained calls to a DbSet
    /// name.</description></item>
    /// <item><description>Operators and the terminal (<c>SyntaxShapeReader.Operators.cs</c>): ordering, Take/Skip,
    /// projections, tags, and the terminal's limit or predicate; a count that may be a constant makes the reading
    /// uncertain.</description></item>
    /// <item><description>Predicates (<c>SyntaxShapeReader.Predicates.cs</c>): AND, OR over one column, comparisons,
    /// NOT and constant patterns; the calls in them (<c>Contains</c> over an in-memory collection,
    /// <c>StartsWith</c>) in <c>SyntaxShapeReader.Calls.cs</c>.</description></item>
    /// <item><description>Columns (<c>SyntaxShapeReader.Columns.cs</c>): <c>p.Property</c>, or
    /// <c>p.Navigation.Property</c> as a joined access; the syntax helpers they all use (lambdas, unwrapping,
    /// mentions of the parameter) are in <c>SyntaxShapeReader.Syntax.cs</c>.</description></item>
    /// <item><description>Build (this file): the shape, located as the binding reader locates it, reportable only
    /// when certain and on one table.</description></item>
    /// </list>
    /// </remarks>
    internal sealed partial class SyntaxShapeReader
    {
        private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
        {
            "Include", "ThenInclude", "AsNoTracking", "AsNoTrackingWithIdentityResolution", "AsTracking", "AsSplitQuery", "AsSingleQuery",
            "IgnoreQueryFilters", "IgnoreAutoIncludes", "TagWithCallSite", "AsQueryable",
        };

        private static readonly HashSet<string> PredicateTerminals = new(StringComparer.Ordinal)
        {
            "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "Count", "LongCount", "Any",
        };

        /// <summary>Every method name the reader takes for a LINQ or EF operator (see <see cref="EfRelevance.HasOperatorLookalikes"/>).</summary>
        private static readonly HashSet<string> ReadNames = new(
            Ignored.Concat(PredicateTerminals).Concat(new[]
            {
                "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Take", "Skip", "Select", "Distinct", "TagWith",
                "ToList", "ToArray", "ToHashSet", "AsEnumerable", "ExecuteDelete", "Find",
            }).SelectMany(n => new[] { n, n + "Async" }),
            StringComparer.Ordinal);

        /// <summary>Each "…Async" read name without its suffix, so reading a terminal allocates no string.</summary>
        private static readonly Dictionary<string, string> SyncNames = ReadNames
            .Where(n => n.EndsWith("Async", StringComparison.Ordinal))
            .ToDictionary(n => n, n => n.Substring(0, n.Length - "Async".Length), StringComparer.Ordinal);

        private readonly EfModel model;
        private readonly Dictionary<int, Location> locations = new();
        private readonly List<(string Property, bool Descending)> orderProperties = new();
        private InvocationExpressionSyntax? orderCall;
        private InvocationExpressionSyntax? lastOrderCall;
        private InvocationExpressionSyntax? skipCall;
        private InvocationExpressionSyntax? takeCall;
        private SourceLocation? predicateLocation;
        private bool certain = true;
        private readonly List<(EntityModel Entity, List<ColumnEquality> Equalities, List<ColumnRange> Ranges, List<UnusablePredicate> Unusable)> accesses = new();
        private readonly Dictionary<string, int> navigations = new(StringComparer.Ordinal);
        private readonly List<OrderColumn> order = new();
        private readonly List<RuleSuppression> suppressions = new();
        private bool orderUnresolved;
        private bool aggregated;
        private bool projected;
        private bool ordered;
        private RowCount? limit;
        private RowCount? offset;

        private SyntaxShapeReader(EfModel model) => this.model = model;

        public static bool IsReadName(string name) => ReadNames.Contains(name);

        private static string WithoutAsync(string name) =>
            SyncNames.TryGetValue(name, out var sync) ? sync
            : name.EndsWith("Async", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Async".Length) : name;

        /// <summary>The exact shape of a plain query ending in <paramref name="terminal"/>, or null when not sure.</summary>
        public static SyntaxRead? TryRead(InvocationExpressionSyntax terminal, EfModel model, IReadOnlyDictionary<string, EntityModel> dbSets) =>
            Walk(terminal, model, dbSets, out var reader, out var root, out var calls) ? reader!.Read(calls!, root!, terminal) : null;

        /// <summary>The exact shape of a query enumerated by <c>foreach</c> (no terminal call), or null when not sure.</summary>
        public static SyntaxRead? TryReadCollection(ExpressionSyntax collection, EfModel model, IReadOnlyDictionary<string, EntityModel> dbSets)
        {
            while (collection is ParenthesizedExpressionSyntax parenthesized)
            {
                collection = parenthesized.Expression;
            }

            if (!Walk(collection, model, dbSets, out var reader, out var root, out var calls))
            {
                return null;
            }

            foreach (var (name, call) in calls!)
            {
                if (!reader!.ReadOperator(name, call))
                {
                    return null;
                }
            }

            return reader!.Build(StatementKind.Select, root!, collection.GetLocation(), hasTerminal: false);
        }

        private static bool Walk(ExpressionSyntax start, EfModel model, IReadOnlyDictionary<string, EntityModel> dbSets, out SyntaxShapeReader? reader, out ExpressionSyntax? root, out List<(string Name, InvocationExpressionSyntax Call)>? calls)
        {
            reader = null;
            root = null;
            calls = new List<(string, InvocationExpressionSyntax)>(8);
            var current = start;
            while (true)
            {
                if (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } member } call)
                {
                    calls.Add((name.Identifier.ValueText, call));
                    current = member.Expression;
                }
                else if (current is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax set } && dbSets.TryGetValue(set.Identifier.ValueText, out var entity))
                {
                    calls.Reverse();
                    reader = new SyntaxShapeReader(model);
                    reader.accesses.Add((entity, new List<ColumnEquality>(), new List<ColumnRange>(), new List<UnusablePredicate>()));
                    root = current;
                    return true;
                }
                else
                {
                    return false;
                }
            }
        }

        private SyntaxRead? Read(List<(string Name, InvocationExpressionSyntax Call)> calls, ExpressionSyntax root, InvocationExpressionSyntax terminalCall)
        {
            if (calls.Count == 0)
            {
                return null;
            }

            for (var i = 0; i < calls.Count - 1; i++)
            {
                if (!ReadOperator(calls[i].Name, calls[i].Call))
                {
                    return null;
                }
            }

            var terminal = calls[calls.Count - 1].Name;
            var execution = QueryChains.CallLocation(terminalCall);
            if (terminal is "Find" or "FindAsync")
            {
                // DbSet.Find(key): a primary-key lookup, exactly as the binding reader shapes it; never reported from here.
                if (calls.Count != 1 || accesses[0].Entity.PrimaryKey is not { Count: > 0 } key)
                {
                    return null;
                }

                certain = false;
                var location = Register(terminalCall);
                accesses[0].Equalities.AddRange(key.Select(k => new ColumnEquality(k, EqualityKind.Value, location)));
                limit = RowCount.Constant(1, location);
                return Build(StatementKind.Select, root, execution, hasTerminal: true);
            }

            if (!ReadTerminal(terminal, terminalCall, out var kind))
            {
                return null;
            }

            return Build(kind, root, execution, hasTerminal: true);
        }

        private SyntaxRead Build(StatementKind kind, ExpressionSyntax root, Location execution, bool hasTerminal)
        {
            var rootLocation = Register(execution);
            var list = new List<TableAccess>();
            for (var id = 0; id < accesses.Count; id++)
            {
                var first = id == 0;
                var (entity, equalities, ranges, unusable) = accesses[id];
                list.Add(new TableAccess(id, entity.TableName)
                {
                    Schema = entity.Schema,
                    Alias = entity.TableName,
                    Driver = first ? AccessDriver.None : AccessDriver.Join,
                    Operation = first && kind == StatementKind.Delete ? AccessOperation.Delete : first && kind == StatementKind.Update ? AccessOperation.Update : AccessOperation.Read,
                    Equalities = equalities,
                    Ranges = ranges,
                    Unusable = unusable,
                    OrderBy = first ? order : (IReadOnlyList<OrderColumn>)Array.Empty<OrderColumn>(),
                    OrderByUnresolved = first && orderUnresolved,
                    Limit = first ? limit : null,
                    Offset = first ? offset : null,
                    Aggregated = aggregated,
                    Location = rootLocation,
                });
            }

            var shape = new LinqShape(new QueryShape(kind, list, suppressions), null, execution, hasTerminal, accesses.Select(a => a.Entity).ToList(), locations)
            {
                OrderCall = orderCall,
                LastOrderCall = lastOrderCall,
                SkipCall = skipCall,
                TakeCall = takeCall,
            };
            shape.Order.AddRange(orderProperties);

            // A joined access (d.Environment.Name) is located where the binding reader puts it; leave those to it.
            return new SyntaxRead(shape, root, certain && accesses.Count == 1);
        }

        private SourceLocation Register(Location location) => LinqShape.Register(locations, location);

        private SourceLocation Register(InvocationExpressionSyntax call) => Register(QueryChains.CallLocation(call));
    }
}
