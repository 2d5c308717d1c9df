using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
    internal sealed class SyntaxShapeReader
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
            calls = new List<(string, InvocationExpressionSyntax)>();
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

        private bool ReadOperator(string name, InvocationExpressionSyntax call)
        {
            var args = call.ArgumentList.Arguments;
            if (Ignored.Contains(name))
            {
                return true;
            }

            switch (name)
            {
                case "Where":
                    return !projected && limit is null && offset is null && args.Count == 1 && ReadPredicateLambda(args[0].Expression, call);
                case "OrderBy":
                case "OrderByDescending":
                    order.Clear();
                    orderProperties.Clear();
                    orderUnresolved = false;
                    ordered = true;
                    orderCall = call;
                    lastOrderCall = call;
                    return !projected && limit is null && offset is null && args.Count == 1 && ReadOrder(args[0].Expression, name.EndsWith("Descending", StringComparison.Ordinal), call);
                case "ThenBy":
                case "ThenByDescending":
                    lastOrderCall = call;
                    return ordered && !projected && args.Count == 1 && ReadOrder(args[0].Expression, name.EndsWith("Descending", StringComparison.Ordinal), call);
                case "Take":
                    if (args.Count != 1 || args[0].Expression is RangeExpressionSyntax)
                    {
                        return false;
                    }

                    takeCall = call;
                    limit = ShapeBuilder.Min(limit, Count(args[0].Expression, call));
                    return true;
                case "Skip":
                    if (args.Count != 1 || limit is not null || offset is not null)
                    {
                        return false;
                    }

                    skipCall = call;
                    offset = Count(args[0].Expression, call);
                    return true;
                case "Select":
                    projected = true;
                    return args.Count == 1 && Lambda(args[0].Expression, out _, out _);
                case "Distinct":
                    aggregated = true;
                    return args.Count == 0;
                case "TagWith":
                    if (args.Count == 1 && args[0].Expression is LiteralExpressionSyntax { Token.Value: string tag })
                    {
                        suppressions.AddRange(AllowComment.Read(tag));
                    }

                    return args.Count >= 1;
                default:
                    return false;
            }
        }

        private bool ReadTerminal(string name, InvocationExpressionSyntax call, out StatementKind kind)
        {
            kind = StatementKind.Select;
            var args = call.ArgumentList.Arguments;
            var bare = name.EndsWith("Async", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Async".Length) : name;
            var lambda = args.Count > 0 && Lambda(args[0].Expression, out _, out _) ? args[0].Expression : null;
            var others = args.Skip(lambda is null ? 0 : 1).ToList();
            switch (bare)
            {
                case "ToList":
                case "ToArray":
                case "ToHashSet":
                case "AsEnumerable":
                    return args.Count <= 1 && lambda is null;
                case "First":
                case "FirstOrDefault":
                case "Single":
                case "SingleOrDefault":
                    if (lambda is not null && (projected || limit is not null || offset is not null || !ReadPredicateLambda(lambda, call)))
                    {
                        return false;
                    }

                    limit = ShapeBuilder.Min(limit, RowCount.Constant(bare.StartsWith("Single", StringComparison.Ordinal) ? 2 : 1, Register(call)));
                    return others.Count <= 1;
                case "Count":
                case "LongCount":
                    if (limit is not null || offset is not null || (lambda is not null && (projected || !ReadPredicateLambda(lambda, call))))
                    {
                        return false;
                    }

                    aggregated = true;
                    return others.Count <= 1;
                case "Any":
                    if (lambda is not null && (projected || limit is not null || offset is not null || !ReadPredicateLambda(lambda, call)))
                    {
                        return false;
                    }

                    limit ??= new RowCount(RowCountKind.Constant, 1, Register(call), implied: true);
                    return others.Count <= 1;
                case "ExecuteDelete":
                    kind = StatementKind.Delete;
                    return lambda is null && others.Count <= 1;
                default:
                    // Everything else (Find, aggregates with selectors, ToDictionary, Load, ExecuteUpdate...) is left to the binding reader.
                    return false;
            }
        }

        private RowCount Count(ExpressionSyntax argument, InvocationExpressionSyntax call)
        {
            var location = Register(call);
            if (argument is LiteralExpressionSyntax { Token.Value: int value })
            {
                return RowCount.Constant(value, location);
            }

            // Not a literal: a parameter or local in it makes it a run-time value; a bare name may be a constant, which
            // only binding can tell, so such a reading is good for the clean check but not for a report.
            certain &= IsRunTimeValue(argument);
            return new RowCount(RowCountKind.Parameter, null, location);
        }

        private static bool IsRunTimeValue(ExpressionSyntax expression)
        {
            var member = expression.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax);
            if (member is null)
            {
                return false;
            }

            foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
                {
                    continue;
                }

                var name = identifier.Identifier.ValueText;
                var isParameter = member.ChildNodes().OfType<ParameterListSyntax>().Any(list => list.Parameters.Any(p => p.Identifier.ValueText == name));
                var isVariable = member.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
                    .Any(local => !local.IsConst && local.Declaration.Variables.Any(v => v.Identifier.ValueText == name));
                if (isParameter || isVariable)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Lambda(ExpressionSyntax expression, out string parameter, out ExpressionSyntax body)
        {
            switch (expression)
            {
                case SimpleLambdaExpressionSyntax { ExpressionBody: { } simpleBody } simple:
                    parameter = simple.Parameter.Identifier.ValueText;
                    body = simpleBody;
                    return true;
                case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1, ExpressionBody: { } parenthesizedBody } parenthesized:
                    parameter = parenthesized.ParameterList.Parameters[0].Identifier.ValueText;
                    body = parenthesizedBody;
                    return true;
                default:
                    parameter = string.Empty;
                    body = expression;
                    return false;
            }
        }

        private bool ReadOrder(ExpressionSyntax argument, bool descending, InvocationExpressionSyntax call)
        {
            if (!Lambda(argument, out var parameter, out var body))
            {
                return false;
            }

            if (Column(body, parameter, out var access, out var property) && access == 0)
            {
                order.Add(new OrderColumn(property, descending, null, Register(call)));
                orderProperties.Add((property, descending));
            }
            else if (!Mentions(body, parameter) || Contains(body, static n => n is LambdaExpressionSyntax))
            {
                return false;
            }
            else
            {
                orderUnresolved = true;
            }

            return true;
        }

        private bool ReadPredicateLambda(ExpressionSyntax argument, InvocationExpressionSyntax call)
        {
            if (!Lambda(argument, out var parameter, out var body) || Contains(body, static n => n is LambdaExpressionSyntax))
            {
                return false;
            }

            predicateLocation = Register(call);
            return ReadPredicate(body, parameter);
        }

        private bool ReadPredicate(ExpressionSyntax expression, string parameter)
        {
            var node = Unwrap(expression);
            if (!Mentions(node, parameter))
            {
                return true;
            }

            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                    return ReadPredicate(binary.Left, parameter) && ReadPredicate(binary.Right, parameter);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                    return ReadOr(binary, parameter);
                case BinaryExpressionSyntax binary:
                    return ReadComparison(binary, parameter);
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression) && Column(not.Operand, parameter, out var notAccess, out var notProperty):
                    accesses[notAccess].Equalities.Add(ColumnLiterals.BooleanTest(accesses[notAccess].Entity, notProperty, value: false, predicateLocation));
                    return true;
                case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax constant } pattern when Column(pattern.Expression, parameter, out var patternAccess, out var patternProperty):
                    accesses[patternAccess].Equalities.Add(constant.Expression.IsKind(SyntaxKind.NullLiteralExpression)
                        ? new ColumnEquality(patternProperty, EqualityKind.IsNull, predicateLocation)
                        : ColumnLiterals.Equal(accesses[patternAccess].Entity, patternProperty, constant.Expression, predicateLocation));
                    return true;
                case InvocationExpressionSyntax invocation:
                    return ReadCall(invocation, parameter);
                default:
                    if (Column(node, parameter, out var access, out var property))
                    {
                        accesses[access].Equalities.Add(ColumnLiterals.BooleanTest(accesses[access].Entity, property, value: true, predicateLocation));
                        return true;
                    }

                    return false;
            }
        }

        private bool ReadOr(BinaryExpressionSyntax binary, string parameter)
        {
            var terms = new List<ExpressionSyntax>();
            Flatten(binary, terms);
            (int Access, string Property)? shared = null;
            foreach (var term in terms)
            {
                if (term is BinaryExpressionSyntax equals && equals.IsKind(SyntaxKind.EqualsExpression) && ColumnAndValue(equals, parameter, out var access, out var property, out _) &&
                    (shared is null || shared == (access, property)))
                {
                    shared = (access, property);
                    continue;
                }

                // An OR across columns: leave it to the binding reader, which describes it exactly.
                return false;
            }

            accesses[shared!.Value.Access].Equalities.Add(new ColumnEquality(shared.Value.Property, EqualityKind.List, predicateLocation));
            return true;

            static void Flatten(ExpressionSyntax expression, List<ExpressionSyntax> into)
            {
                var node = Unwrap(expression);
                if (node is BinaryExpressionSyntax or && or.IsKind(SyntaxKind.LogicalOrExpression))
                {
                    Flatten(or.Left, into);
                    Flatten(or.Right, into);
                }
                else
                {
                    into.Add(node);
                }
            }
        }

        private bool ReadComparison(BinaryExpressionSyntax binary, string parameter)
        {
            if (!ColumnAndValue(binary, parameter, out var access, out var property, out var flipped))
            {
                return false;
            }

            var value = Unwrap(flipped ? binary.Left : binary.Right);
            var isNull = value.IsKind(SyntaxKind.NullLiteralExpression);
            var state = accesses[access];
            switch (binary.Kind())
            {
                case SyntaxKind.EqualsExpression:
                    state.Equalities.Add(isNull ? new ColumnEquality(property, EqualityKind.IsNull, predicateLocation) : ColumnLiterals.Equal(state.Entity, property, value, predicateLocation));
                    return true;
                case SyntaxKind.NotEqualsExpression:
                    state.Unusable.Add(new UnusablePredicate(UnusableReason.NotEqual, property, property + (isNull ? " IS NOT NULL" : " <> ..."), predicateLocation));
                    return true;
                case SyntaxKind.LessThanExpression:
                    state.Ranges.Add(new ColumnRange(property, flipped ? RangeKind.GreaterThan : RangeKind.LessThan, predicateLocation));
                    return true;
                case SyntaxKind.LessThanOrEqualExpression:
                    state.Ranges.Add(new ColumnRange(property, flipped ? RangeKind.GreaterOrEqual : RangeKind.LessOrEqual, predicateLocation));
                    return true;
                case SyntaxKind.GreaterThanExpression:
                    state.Ranges.Add(new ColumnRange(property, flipped ? RangeKind.LessThan : RangeKind.GreaterThan, predicateLocation));
                    return true;
                case SyntaxKind.GreaterThanOrEqualExpression:
                    state.Ranges.Add(new ColumnRange(property, flipped ? RangeKind.LessOrEqual : RangeKind.GreaterOrEqual, predicateLocation));
                    return true;
                default:
                    return false;
            }
        }

        private bool ColumnAndValue(BinaryExpressionSyntax binary, string parameter, out int access, out string property, out bool flipped)
        {
            flipped = false;
            if (Column(binary.Left, parameter, out access, out property) && !Mentions(binary.Right, parameter))
            {
                return true;
            }

            flipped = true;
            return Column(binary.Right, parameter, out access, out property) && !Mentions(binary.Left, parameter);
        }

        private bool ReadCall(InvocationExpressionSyntax invocation, string parameter)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } member)
            {
                return false;
            }

            var args = invocation.ArgumentList.Arguments;
            if (name.Identifier.ValueText == "Contains" && args.Count == 1 && !Mentions(member.Expression, parameter) && IsInMemory(member.Expression) &&
                Column(args[0].Expression, parameter, out var itemAccess, out var itemProperty))
            {
                // ids.Contains(d.Id): IN (...) / = ANY (@ids) — list and subquery bind the column alike.
                accesses[itemAccess].Equalities.Add(new ColumnEquality(itemProperty, EqualityKind.List, predicateLocation));
                return true;
            }

            if (name.Identifier.ValueText == "StartsWith" && args.Count == 1 && !Mentions(args[0].Expression, parameter) &&
                Column(member.Expression, parameter, out var prefixAccess, out var prefixProperty) && accesses[prefixAccess].Entity.StringColumns.Contains(prefixProperty))
            {
                accesses[prefixAccess].Ranges.Add(new ColumnRange(prefixProperty, RangeKind.PrefixLike, predicateLocation));
                return true;
            }

            // Everything else (functions of columns, wildcards...) is read exactly by the binding reader.
            return false;
        }

        /// <summary>
        /// True when a Contains collection is certainly not a query (a subquery has a shape of its own, which only the
        /// binding reader reads): a collection or array expression, a parameter or local declared as an array, list or
        /// set, or a local initialized with such a value or with a materialized query.
        /// </summary>
        private static bool IsInMemory(ExpressionSyntax collection)
        {
            switch (collection)
            {
                case ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax or ObjectCreationExpressionSyntax:
                    return true;
                case IdentifierNameSyntax identifier:
                    var member = collection.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or BasePropertyDeclarationSyntax);
                    if (member is null)
                    {
                        return false;
                    }

                    var name = identifier.Identifier.ValueText;
                    var parameterType = member.DescendantNodes().OfType<ParameterSyntax>().FirstOrDefault(p => p.Identifier.ValueText == name)?.Type;
                    if (parameterType is not null)
                    {
                        return IsInMemoryType(parameterType);
                    }

                    var declarator = member.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(v => v.Identifier.ValueText == name);
                    if (declarator?.Parent is VariableDeclarationSyntax declaration && declaration.Type is not IdentifierNameSyntax { IsVar: true })
                    {
                        return IsInMemoryType(declaration.Type);
                    }

                    return declarator?.Initializer?.Value is { } value &&
                        (value is AwaitExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or ObjectCreationExpressionSyntax ||
                         value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToList" or "ToArray" or "ToHashSet" } });
                default:
                    return false;
            }
        }

        private static bool IsInMemoryType(TypeSyntax type) =>
            type is ArrayTypeSyntax || (type is GenericNameSyntax generic && generic.Identifier.ValueText is "List" or "HashSet" or "IReadOnlyList" or "IReadOnlyCollection" or "ICollection" or "IList" or "ISet" or "IReadOnlySet");

        /// <summary><c>p.Property</c> (access 0), <c>p.Property.Value</c>, or <c>p.Navigation.Property</c> (a joined access).</summary>
        private bool Column(ExpressionSyntax expression, string parameter, out int access, out string property)
        {
            access = 0;
            property = string.Empty;
            var node = Unwrap(expression);
            if (node is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value", Expression: MemberAccessExpressionSyntax nullable })
            {
                node = nullable;
            }

            if (node is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } member)
            {
                return false;
            }

            var target = Unwrap(member.Expression);
            if (target is IdentifierNameSyntax root && root.Identifier.ValueText == parameter)
            {
                property = name.Identifier.ValueText;
                return accesses[0].Entity.HasProperty(property);
            }

            if (target is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax navigation, Expression: IdentifierNameSyntax navigationRoot } &&
                navigationRoot.Identifier.ValueText == parameter && Navigation(navigation.Identifier.ValueText) is { } joined)
            {
                access = joined;
                property = name.Identifier.ValueText;
                return accesses[joined].Entity.HasProperty(property);
            }

            return false;
        }

        private int? Navigation(string name)
        {
            if (navigations.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var root = accesses[0].Entity;
            if (!root.Navigations.TryGetValue(name, out var navigation) || navigation.ForeignKey is not { Count: 1 } foreignKey)
            {
                return null;
            }

            var target = model.Get(navigation.Target);
            if (target.PrimaryKey is not { Count: 1 } key)
            {
                return null;
            }

            var id = accesses.Count;
            accesses.Add((target, new List<ColumnEquality> { new(key[0], EqualityKind.JoinColumn, null, 0, foreignKey[0]) }, new List<ColumnRange>(), new List<UnusablePredicate>()));
            accesses[0].Equalities.Add(new ColumnEquality(foreignKey[0], EqualityKind.JoinColumn, null, id, key[0]));
            navigations[name] = id;
            return id;
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    default:
                        return expression;
                }
            }
        }

        private static bool Mentions(SyntaxNode node, string parameter)
        {
            if (node is IdentifierNameSyntax identifier)
            {
                return identifier.Identifier.ValueText == parameter;
            }

            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.AsNode() is { } childNode && Mentions(childNode, parameter))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Does the node or a descendant match? A recursive walk: called per predicate term, it allocates nothing.</summary>
        private static bool Contains(SyntaxNode node, Func<SyntaxNode, bool> match)
        {
            if (match(node))
            {
                return true;
            }

            foreach (var child in node.ChildNodesAndTokens())
            {
                if (child.AsNode() is { } childNode && Contains(childNode, match))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
