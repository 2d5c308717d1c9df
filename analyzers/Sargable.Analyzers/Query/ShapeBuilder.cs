using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Analyzers.Model;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>
    /// Reduces an executed LINQ chain over a DbSet to a <see cref="QueryShape"/>: predicates become equalities, ranges
    /// and unusable predicates; navigations become joined accesses; ordering, Take/First/Single and Skip become the
    /// order, limit and offset. Anything it cannot map faithfully gives no shape at all (the rules then stay silent).
    /// </summary>
    internal sealed class ShapeBuilder
    {
        private readonly QueryChain chain;
        private readonly EfModel model;
        private readonly EfSymbols ef;
        private readonly List<AccessState> accesses = new();
        private readonly Dictionary<string, int> navigationAccess = new(StringComparer.Ordinal);
        private readonly Dictionary<int, Location> locations = new();
        private readonly List<RuleSuppression> suppressions = new();
        private readonly List<OrderColumn> order = new();
        private readonly List<(string Property, bool Descending)> orderProperties = new();
        private bool orderUnresolved;
        private bool aggregated;
        private bool projected;
        private RowCount? limit;
        private RowCount? offset;
        private IInvocationOperation? orderCall;
        private IInvocationOperation? lastOrderCall;
        private IInvocationOperation? skipCall;
        private IInvocationOperation? takeCall;
        private readonly List<LinqShape> subqueries = new();
        private readonly int depth;
        private readonly CancellationToken cancellationToken;

        private ShapeBuilder(QueryChain chain, EfModel model, EfSymbols ef, int depth, CancellationToken cancellationToken)
        {
            this.chain = chain;
            this.model = model;
            this.ef = ef;
            this.depth = depth;
            this.cancellationToken = cancellationToken;
        }

        public static LinqShape? Build(QueryChain chain, EfModel model, EfSymbols ef, CancellationToken cancellationToken)
        {
            var builder = new ShapeBuilder(chain, model, ef, 0, cancellationToken);
            return builder.Run(cancellationToken);
        }

        private LinqShape? Run(CancellationToken cancellationToken)
        {
            var root = model.Get(chain.Entity);
            accesses.Add(new AccessState(root, 0));
            foreach (var call in chain.Operators)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ReadOperator(call))
                {
                    return null;
                }
            }

            if (!ReadExecution())
            {
                return null;
            }

            var executionLocation = chain.ExecutionLocation;
            var rootLocation = Register(executionLocation);
            var list = new List<TableAccess>();
            foreach (var state in accesses)
            {
                var first = state.Id == 0;
                list.Add(new TableAccess(state.Id, state.Entity.TableName)
                {
                    Schema = state.Entity.Schema,
                    Alias = state.Entity.TableName,
                    Block = 0,
                    Driver = first ? AccessDriver.None : AccessDriver.Join,
                    Operation = first ? Operation : AccessOperation.Read,
                    Equalities = state.Equalities,
                    Ranges = state.Ranges,
                    Unusable = state.Unusable,
                    OrderBy = first ? order : (IReadOnlyList<OrderColumn>)Array.Empty<OrderColumn>(),
                    OrderByUnresolved = first && orderUnresolved,
                    Limit = first ? limit : null,
                    Offset = first ? offset : null,
                    Aggregated = aggregated,
                    Location = first ? rootLocation : state.Location ?? rootLocation,
                });
            }

            // Subqueries (ids.Contains(...) over a query) are query blocks of their own, as IN (SELECT ...) is in SQL.
            var block = 1;
            foreach (var subquery in subqueries)
            {
                var offset = list.Count;
                foreach (var access in subquery.Shape.Accesses)
                {
                    list.Add(access.Renumbered(offset, block));
                }

                block += subquery.Shape.Accesses.Max(a => a.Block) + 1;
                foreach (var pair in subquery.Locations)
                {
                    locations[pair.Key] = pair.Value;
                }
            }

            var kind = chain.Kind switch
            {
                ExecutionKind.Delete => StatementKind.Delete,
                ExecutionKind.Update => StatementKind.Update,
                _ => StatementKind.Select,
            };
            var shape = new QueryShape(kind, list, suppressions);
            var result = new LinqShape(shape, chain, executionLocation, chain.Terminal is not null, accesses.Select(a => a.Entity).ToList(), locations)
            {
                OrderCall = orderCall?.Syntax as InvocationExpressionSyntax,
                LastOrderCall = lastOrderCall?.Syntax as InvocationExpressionSyntax,
                SkipCall = skipCall?.Syntax as InvocationExpressionSyntax,
                TakeCall = takeCall?.Syntax as InvocationExpressionSyntax,
            };
            result.Order.AddRange(orderProperties);
            return result;
        }

        /// <summary>A subquery's shape: its operators only (it is not executed on its own), located at its own calls.</summary>
        private LinqShape? RunSubquery()
        {
            var root = model.Get(chain.Entity);
            accesses.Add(new AccessState(root, 0));
            foreach (var call in chain.Operators)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ReadOperator(call))
                {
                    return null;
                }
            }

            var location = chain.Operators.Length > 0 ? Register(chain.Operators[0]) : Register(chain.Root.Syntax.GetLocation());
            var list = accesses.Select(state => new TableAccess(state.Id, state.Entity.TableName)
            {
                Schema = state.Entity.Schema,
                Alias = state.Entity.TableName,
                Driver = state.Id == 0 ? AccessDriver.None : AccessDriver.Join,
                Equalities = state.Equalities,
                Ranges = state.Ranges,
                Unusable = state.Unusable,
                OrderBy = state.Id == 0 ? order : (IReadOnlyList<OrderColumn>)Array.Empty<OrderColumn>(),
                OrderByUnresolved = state.Id == 0 && orderUnresolved,
                Limit = state.Id == 0 ? limit : null,
                Offset = state.Id == 0 ? offset : null,
                Aggregated = aggregated,
                Location = location,
            }).ToList();
            return new LinqShape(new QueryShape(StatementKind.Select, list), chain, chain.ExecutionLocation, chain.Terminal is not null, accesses.Select(a => a.Entity).ToList(), locations);
        }

        private AccessOperation Operation => chain.Kind switch
        {
            ExecutionKind.Delete => AccessOperation.Delete,
            ExecutionKind.Update => AccessOperation.Update,
            _ => AccessOperation.Read,
        };

        private SourceLocation Register(Location location) => LinqShape.Register(locations, location);

        private SourceLocation Register(IInvocationOperation call) => Register(QueryChains.CallLocation(call));

        private bool ReadOperator(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            var args = call.Arguments;
            switch (method.Name)
            {
                case "Where":
                    return !projected && limit is null && offset is null && args.Length == 2 && ReadPredicateArgument(args[1].Value, call);
                case "OrderBy":
                case "OrderByDescending":
                    if (projected || limit is not null || offset is not null || args.Length != 2)
                    {
                        return false;
                    }

                    order.Clear();
                    orderProperties.Clear();
                    orderUnresolved = false;
                    orderCall = call;
                    lastOrderCall = call;
                    return ReadOrderKey(args[1].Value, method.Name.EndsWith("Descending", StringComparison.Ordinal), call);
                case "ThenBy":
                case "ThenByDescending":
                    if (projected || args.Length != 2 || orderCall is null)
                    {
                        return false;
                    }

                    lastOrderCall = call;
                    return ReadOrderKey(args[1].Value, method.Name.EndsWith("Descending", StringComparison.Ordinal), call);
                case "Take":
                    if (args.Length != 2 || args[1].Value.Type?.SpecialType != SpecialType.System_Int32)
                    {
                        return false;
                    }

                    takeCall = call;
                    limit = Min(limit, Count(args[1].Value, call));
                    return true;
                case "Skip":
                    if (limit is not null || offset is not null || args.Length != 2)
                    {
                        return false;
                    }

                    skipCall = call;
                    offset = Count(args[1].Value, call);
                    return true;
                case "Select":
                    projected = true;
                    return args.Length == 2 && args[1].Value.AsLambda() is { Symbol.Parameters.Length: 1 };
                case "Distinct":
                    aggregated = true;
                    return true;
                case "GroupBy":
                    aggregated = true;
                    projected = true;
                    return true;
                case "TagWith":
                    if (args.Length > 1 && args[1].Value.ConstantValue is { HasValue: true, Value: string tag })
                    {
                        ReadTag(tag);
                    }

                    return true;
                case "Include":
                case "ThenInclude":
                case "AsNoTracking":
                case "AsNoTrackingWithIdentityResolution":
                case "AsTracking":
                case "AsSplitQuery":
                case "AsSingleQuery":
                case "IgnoreQueryFilters":
                case "IgnoreAutoIncludes":
                case "TagWithCallSite":
                case "AsQueryable":
                    return true;
                default:
                    return false;
            }
        }

        private bool ReadExecution()
        {
            var terminal = chain.Terminal;
            if (terminal is null)
            {
                return true;
            }

            var name = terminal.TargetMethod.Name;
            if (name.EndsWith("Async", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Async".Length);
            }

            var args = terminal.Arguments;
            var predicate = args.Length > 1 && args[1].Value.AsLambda() is { } lambda && lambda.Symbol.ReturnType.SpecialType == SpecialType.System_Boolean ? args[1].Value : null;
            switch (chain.Kind)
            {
                case ExecutionKind.Find:
                    return ReadFind(terminal);
                case ExecutionKind.Element:
                    if (projected && predicate is not null)
                    {
                        return false;
                    }

                    if (predicate is not null && (limit is not null || offset is not null || !ReadPredicateArgument(predicate, terminal)))
                    {
                        return false;
                    }

                    if (name.StartsWith("ElementAt", StringComparison.Ordinal))
                    {
                        if (offset is not null || limit is not null)
                        {
                            return false;
                        }

                        offset = Count(args[1].Value, terminal);
                        skipCall = terminal;
                    }

                    var one = name.StartsWith("Single", StringComparison.Ordinal) ? 2 : 1;
                    limit = Min(limit, RowCount.Constant(one, Register(terminal)));
                    return true;
                case ExecutionKind.Aggregate:
                    // An aggregate over a limited or paged query is an aggregate over a subquery: not one access any more.
                    if (limit is not null || offset is not null)
                    {
                        return false;
                    }

                    if ((name is "Count" or "LongCount") && predicate is not null && (projected || !ReadPredicateArgument(predicate, terminal)))
                    {
                        return false;
                    }

                    aggregated = true;
                    return true;
                case ExecutionKind.Exists:
                    if (name != "Any")
                    {
                        return false;
                    }

                    if (predicate is not null && (projected || limit is not null || offset is not null || !ReadPredicateArgument(predicate, terminal)))
                    {
                        return false;
                    }

                    limit ??= new RowCount(RowCountKind.Constant, 1, Register(terminal), implied: true);
                    return true;
                default:
                    return true;
            }
        }

        private bool ReadFind(IInvocationOperation terminal)
        {
            var entity = accesses[0].Entity;
            if (entity.PrimaryKey is not { Count: > 0 } key)
            {
                return false;
            }

            var location = Register(terminal);
            foreach (var property in key)
            {
                accesses[0].Equalities.Add(new ColumnEquality(property, EqualityKind.Value, location));
            }

            limit = RowCount.Constant(1, location);
            return true;
        }

        private void ReadTag(string tag) => suppressions.AddRange(AllowComment.Read(tag));

        private RowCount Count(IOperation argument, IInvocationOperation call)
        {
            var location = Register(call);
            if (argument.ConstantValue is { HasValue: true, Value: int value })
            {
                return RowCount.Constant(value, location);
            }

            return new RowCount(RowCountKind.Parameter, null, location);
        }

        internal static RowCount? Min(RowCount? existing, RowCount added)
        {
            if (existing is null)
            {
                return added;
            }

            if (existing.Kind == RowCountKind.Constant && added.Kind == RowCountKind.Constant)
            {
                return existing.Value <= added.Value ? existing : added;
            }

            return existing.Kind == RowCountKind.Constant ? existing : added;
        }

        private bool ReadOrderKey(IOperation argument, bool descending, IInvocationOperation call)
        {
            var lambda = argument.AsLambda();
            if (lambda is null || lambda.Symbol.Parameters.Length != 1 || lambda.LambdaResult() is not { } body)
            {
                return false;
            }

            if (TryColumn(body, lambda.Symbol.Parameters[0], out var access, out var property) && access == 0)
            {
                order.Add(new OrderColumn(property, descending, null, Register(call)));
                orderProperties.Add((property, descending));
            }
            else
            {
                orderUnresolved = true;
            }

            return true;
        }

        private bool ReadPredicateArgument(IOperation argument, IInvocationOperation call)
        {
            var lambda = argument.AsLambda();
            if (lambda is null || lambda.Symbol.Parameters.Length != 1 || lambda.LambdaResult() is not { } body)
            {
                return false;
            }

            return ReadPredicate(body, lambda.Symbol.Parameters[0], Register(call));
        }

        private bool ReadPredicate(IOperation expression, IParameterSymbol parameter, SourceLocation location)
        {
            var operation = expression.Unwrap();
            if (!operation.References(parameter))
            {
                // A condition on captured values only (flags, "include all" switches): not a predicate on the table.
                return true;
            }

            switch (operation)
            {
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And && IsBoolean(binary):
                    return ReadPredicate(binary.LeftOperand, parameter, location) && ReadPredicate(binary.RightOperand, parameter, location);
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or && IsBoolean(binary):
                    return ReadOr(binary, parameter, location);
                case IBinaryOperation binary:
                    return ReadComparison(binary, parameter, location);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    if (TryColumn(not.Operand, parameter, out var notAccess, out var notProperty))
                    {
                        accesses[notAccess].Equalities.Add(ColumnLiterals.BooleanTest(accesses[notAccess].Entity, notProperty, value: false, location));
                        return true;
                    }

                    return AddUnusable(not.Operand, parameter, UnusableReason.Other, "NOT (...)", location);
                case IIsPatternOperation pattern:
                    return ReadPattern(pattern, parameter, location);
                case IInvocationOperation invocation:
                    return ReadCall(invocation, parameter, location);
                default:
                    if (TryColumn(operation, parameter, out var access, out var property))
                    {
                        // A boolean column used as the condition: IsActive = true.
                        accesses[access].Equalities.Add(ColumnLiterals.BooleanTest(accesses[access].Entity, property, value: true, location));
                        return true;
                    }

                    return false;
            }
        }

        private static bool IsBoolean(IBinaryOperation binary) =>
            binary.Type?.SpecialType == SpecialType.System_Boolean || binary.Type is INamedTypeSymbol { TypeArguments.Length: 1 } nullable && nullable.TypeArguments[0].SpecialType == SpecialType.System_Boolean;

        private bool ReadPattern(IIsPatternOperation pattern, IParameterSymbol parameter, SourceLocation location)
        {
            if (!TryColumn(pattern.Value, parameter, out var access, out var property))
            {
                return false;
            }

            switch (pattern.Pattern)
            {
                case IConstantPatternOperation constant when constant.Value.ConstantValue is { HasValue: true, Value: null }:
                    accesses[access].Equalities.Add(new ColumnEquality(property, EqualityKind.IsNull, location));
                    return true;
                case IConstantPatternOperation { Value.Syntax: ExpressionSyntax constantSyntax }:
                    accesses[access].Equalities.Add(ColumnLiterals.Equal(accesses[access].Entity, property, constantSyntax, location));
                    return true;
                case IConstantPatternOperation:
                    accesses[access].Equalities.Add(new ColumnEquality(property, EqualityKind.Value, location));
                    return true;
                case INegatedPatternOperation:
                    accesses[access].Unusable.Add(new UnusablePredicate(UnusableReason.NotEqual, property, property + " IS NOT ...", location));
                    return true;
                case IRelationalPatternOperation relational:
                    accesses[access].Ranges.Add(new ColumnRange(property, RangeOf(relational.OperatorKind, flipped: false), location));
                    return true;
                default:
                    return false;
            }
        }

        private bool ReadOr(IBinaryOperation binary, IParameterSymbol parameter, SourceLocation location)
        {
            var terms = new List<IOperation>();
            Flatten(binary, terms);
            (int Access, string Property)? shared = null;
            var sameColumn = true;
            foreach (var term in terms)
            {
                if (term.Unwrap() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals &&
                    (TryColumnAndValue(equals, parameter, out var access, out var property, out _)))
                {
                    if (shared is null)
                    {
                        shared = (access, property);
                    }
                    else if (shared.Value.Access != access || shared.Value.Property != property)
                    {
                        sameColumn = false;
                    }
                }
                else
                {
                    sameColumn = false;
                }
            }

            if (sameColumn && shared is { } column)
            {
                // Status == A || Status == B is Status IN (A, B).
                accesses[column.Access].Equalities.Add(new ColumnEquality(column.Property, EqualityKind.List, location));
                return true;
            }

            var first = terms.SelectMany(t => t.DescendantsAndSelf()).FirstOrDefault(o => TryColumn(o, parameter, out _, out _));
            if (first is null || !TryColumn(first, parameter, out var firstAccess, out var firstProperty))
            {
                return false;
            }

            accesses[firstAccess].Unusable.Add(new UnusablePredicate(UnusableReason.OrAcrossColumns, firstProperty, binary.Syntax.ToString(), location));
            return true;

            static void Flatten(IOperation operation, List<IOperation> into)
            {
                var unwrapped = operation.Unwrap();
                if (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } or)
                {
                    Flatten(or.LeftOperand, into);
                    Flatten(or.RightOperand, into);
                }
                else
                {
                    into.Add(unwrapped);
                }
            }
        }

        private bool TryColumnAndValue(IBinaryOperation binary, IParameterSymbol parameter, out int access, out string property, out bool flipped)
        {
            flipped = false;
            if (TryColumn(binary.LeftOperand, parameter, out access, out property) && !binary.RightOperand.References(parameter))
            {
                return true;
            }

            flipped = true;
            return TryColumn(binary.RightOperand, parameter, out access, out property) && !binary.LeftOperand.References(parameter);
        }

        private bool ReadComparison(IBinaryOperation binary, IParameterSymbol parameter, SourceLocation location)
        {
            if (TryColumnAndValue(binary, parameter, out var access, out var property, out var flipped))
            {
                var value = (flipped ? binary.LeftOperand : binary.RightOperand).Unwrap();
                var isNull = value.ConstantValue is { HasValue: true, Value: null };
                var state = accesses[access];
                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.Equals:
                        state.Equalities.Add(isNull || value.Syntax is not ExpressionSyntax valueSyntax
                            ? new ColumnEquality(property, isNull ? EqualityKind.IsNull : EqualityKind.Value, location)
                            : ColumnLiterals.Equal(state.Entity, property, valueSyntax, location));
                        return true;
                    case BinaryOperatorKind.NotEquals:
                        state.Unusable.Add(new UnusablePredicate(UnusableReason.NotEqual, property, isNull ? property + " IS NOT NULL" : property + " <> ...", location));
                        return true;
                    case BinaryOperatorKind.LessThan:
                    case BinaryOperatorKind.LessThanOrEqual:
                    case BinaryOperatorKind.GreaterThan:
                    case BinaryOperatorKind.GreaterThanOrEqual:
                        state.Ranges.Add(new ColumnRange(property, RangeOf(binary.OperatorKind, flipped), location));
                        return true;
                    default:
                        return false;
                }
            }

            // A function of a column compared with a value: lower(name) = $1.
            var left = binary.LeftOperand.Unwrap();
            var right = binary.RightOperand.Unwrap();
            var functionSide = left.References(parameter) && !right.References(parameter) ? left : right.References(parameter) && !left.References(parameter) ? right : null;
            if (functionSide is not null)
            {
                return AddUnusable(functionSide, parameter, UnusableReason.FunctionOnColumn, functionSide.Syntax.ToString() + " " + OperatorText(binary.OperatorKind) + " ...", location);
            }

            return AddUnusable(binary, parameter, UnusableReason.Other, binary.Syntax.ToString(), location);
        }

        private static string OperatorText(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.Equals => "=",
            BinaryOperatorKind.NotEquals => "<>",
            BinaryOperatorKind.LessThan => "<",
            BinaryOperatorKind.LessThanOrEqual => "<=",
            BinaryOperatorKind.GreaterThan => ">",
            BinaryOperatorKind.GreaterThanOrEqual => ">=",
            _ => kind.ToString(),
        };

        private static RangeKind RangeOf(BinaryOperatorKind kind, bool flipped) => (kind, flipped) switch
        {
            (BinaryOperatorKind.LessThan, false) or (BinaryOperatorKind.GreaterThan, true) => RangeKind.LessThan,
            (BinaryOperatorKind.LessThanOrEqual, false) or (BinaryOperatorKind.GreaterThanOrEqual, true) => RangeKind.LessOrEqual,
            (BinaryOperatorKind.GreaterThan, false) or (BinaryOperatorKind.LessThan, true) => RangeKind.GreaterThan,
            _ => RangeKind.GreaterOrEqual,
        };

        /// <summary>Adds an unusable predicate on the first column the expression mentions; false (no shape) when there is none.</summary>
        private bool AddUnusable(IOperation expression, IParameterSymbol parameter, UnusableReason reason, string description, SourceLocation location)
        {
            if (expression.Descendants().Any(o => o is IAnonymousFunctionOperation))
            {
                // Subqueries over navigations (d.Deployments.Any(...)) are not a predicate on this table's columns.
                return false;
            }

            foreach (var candidate in expression.DescendantsAndSelf())
            {
                if (TryColumn(candidate, parameter, out var access, out var property))
                {
                    accesses[access].Unusable.Add(new UnusablePredicate(reason, property, description, location));
                    return true;
                }
            }

            return false;
        }

        private bool ReadCall(IInvocationOperation invocation, IParameterSymbol parameter, SourceLocation location)
        {
            var method = invocation.TargetMethod;
            var instance = invocation.Instance;
            var args = invocation.Arguments;

            // String predicates on a column.
            if (method.ContainingType?.SpecialType == SpecialType.System_String && instance is not null && TryColumn(instance, parameter, out var access, out var property) &&
                args.Length >= 1 && !args.Any(a => a.Value.References(parameter)))
            {
                switch (method.Name)
                {
                    case "StartsWith" when args.Length == 1:
                        accesses[access].Ranges.Add(new ColumnRange(property, RangeKind.PrefixLike, location));
                        return true;
                    case "Contains":
                    case "EndsWith":
                        accesses[access].Unusable.Add(new UnusablePredicate(UnusableReason.LeadingWildcard, property, property + " LIKE '%...'", location));
                        return true;
                    case "Equals" when args.Length == 1:
                        accesses[access].Equalities.Add(new ColumnEquality(property, EqualityKind.Value, location));
                        return true;
                }
            }

            // collection.Contains(d.Column): IN (...) / = ANY (@list), or IN (SELECT ...) for a query.
            if (method.Name == "Contains")
            {
                IOperation? collection = null;
                IOperation? item = null;
                if (method.IsExtensionMethod && args.Length == 2)
                {
                    collection = args[0].Value;
                    item = args[1].Value;
                }
                else if (instance is not null && args.Length == 1)
                {
                    collection = instance;
                    item = args[0].Value;
                }

                if (collection is not null && item is not null && !collection.References(parameter) && collection.Unwrap().Type?.SpecialType != SpecialType.System_String &&
                    TryColumn(item, parameter, out var itemAccess, out var itemProperty))
                {
                    var isQuery = ef.QueryableElement(collection.Unwrap().Type) is not null;
                    if (isQuery && depth < 3 && QueryChains.TryWalk(collection, ef, out var subRoot, out var subEntity, out var subOperators, cancellationToken))
                    {
                        var subChain = new QueryChain(subRoot!, subEntity!, subOperators, collection, null, ExecutionKind.Enumerate);
                        if (new ShapeBuilder(subChain, model, ef, depth + 1, cancellationToken).RunSubquery() is { } subquery)
                        {
                            subqueries.Add(subquery);
                        }
                    }

                    accesses[itemAccess].Equalities.Add(new ColumnEquality(itemProperty, isQuery ? EqualityKind.Subquery : EqualityKind.List, location));
                    return true;
                }
            }

            // EF.Functions.Like(d.Column, pattern).
            if (method.Name is "Like" or "ILike" && method.IsExtensionMethod && args.Length >= 3 && TryColumn(args[1].Value, parameter, out var likeAccess, out var likeProperty) &&
                !args[2].Value.References(parameter))
            {
                if (method.Name == "Like" && args[2].Value.ConstantValue is { HasValue: true, Value: string pattern } && pattern.Length > 0 && pattern[0] != '%' && pattern[0] != '_')
                {
                    accesses[likeAccess].Ranges.Add(new ColumnRange(likeProperty, RangeKind.PrefixLike, location));
                }
                else
                {
                    var reason = method.Name == "ILike" ? UnusableReason.FunctionOnColumn : UnusableReason.LeadingWildcard;
                    accesses[likeAccess].Unusable.Add(new UnusablePredicate(reason, likeProperty, likeProperty + (method.Name == "ILike" ? " ILIKE ..." : " LIKE ..."), location));
                }

                return true;
            }

            // Anything else computed from a column (string.IsNullOrEmpty(d.Ref), d.Name.ToLower().StartsWith(x)...).
            return AddUnusable(invocation, parameter, UnusableReason.FunctionOnColumn, invocation.Syntax.ToString(), location);
        }

        /// <summary>
        /// Resolves <c>d.Property</c> to access 0 and <c>d.Navigation.Property</c> to a joined access for the navigation's
        /// entity. Conversions (enums, nullable lifting) and <c>.Value</c> of nullable columns are looked through.
        /// </summary>
        private bool TryColumn(IOperation operation, IParameterSymbol parameter, out int access, out string property)
        {
            access = 0;
            property = string.Empty;
            var current = operation.Unwrap();
            if (current is IPropertyReferenceOperation { Property.Name: "Value", Instance: { } nullable } &&
                nullable.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
            {
                current = nullable.Unwrap();
            }

            if (current is not IPropertyReferenceOperation reference || reference.Instance is null)
            {
                return false;
            }

            var instance = reference.Instance.Unwrap();
            if (instance is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, parameter))
            {
                if (!accesses[0].Entity.HasProperty(reference.Property.Name))
                {
                    return false;
                }

                property = reference.Property.Name;
                return true;
            }

            if (instance is IPropertyReferenceOperation { Instance: { } navigationInstance } navigation &&
                navigationInstance.Unwrap() is IParameterReferenceOperation np && SymbolEqualityComparer.Default.Equals(np.Parameter, parameter) &&
                NavigationAccess(navigation.Property.Name) is { } joined && accesses[joined].Entity.HasProperty(reference.Property.Name))
            {
                access = joined;
                property = reference.Property.Name;
                return true;
            }

            return false;
        }

        /// <summary>The joined access for a reference navigation of the root entity (created on first use), or null when its key is unknown.</summary>
        private int? NavigationAccess(string navigationName)
        {
            if (navigationAccess.TryGetValue(navigationName, out var existing))
            {
                return existing;
            }

            var root = accesses[0].Entity;
            if (!root.Navigations.TryGetValue(navigationName, out var navigation) || navigation.ForeignKey is not { Count: 1 } foreignKey)
            {
                return null;
            }

            var target = model.Get(navigation.Target);
            if (target.PrimaryKey is not { Count: 1 } key)
            {
                return null;
            }

            var id = accesses.Count;
            var state = new AccessState(target, id);
            state.Equalities.Add(new ColumnEquality(key[0], EqualityKind.JoinColumn, null, 0, foreignKey[0]));
            accesses.Add(state);
            accesses[0].Equalities.Add(new ColumnEquality(foreignKey[0], EqualityKind.JoinColumn, null, id, key[0]));
            navigationAccess[navigationName] = id;
            return id;
        }

        private sealed class AccessState
        {
            public AccessState(EntityModel entity, int id)
            {
                Entity = entity;
                Id = id;
            }

            public EntityModel Entity { get; }

            public int Id { get; }

            public SourceLocation? Location { get; set; }

            public List<ColumnEquality> Equalities { get; } = new();

            public List<ColumnRange> Ranges { get; } = new();

            public List<UnusablePredicate> Unusable { get; } = new();
        }
    }
}
