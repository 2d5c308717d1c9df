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
    /// <remarks>
    /// One pass over the bound chain, in phases; every phase can give up, and then there is no shape:
    /// <list type="number">
    /// <item><description>Operators, in chain order, then the executing call (<c>ShapeBuilder.Operators.cs</c>): Where,
    /// ordering, Take/Skip, Select/Distinct/GroupBy and tags update the root access's order, limit and offset; the
    /// terminal (First/Single/ElementAt, Count, Any, Find) adds its own limit or predicate.</description></item>
    /// <item><description>Predicates of Where and of predicate terminals (<c>ShapeBuilder.Predicates.cs</c>): AND, OR,
    /// comparisons, NOT and patterns become equalities, ranges and unusable predicates; method calls in them (string
    /// predicates, <c>Contains</c> as IN or as an IN subquery, <c>EF.Functions.Like</c>) are read in
    /// <c>ShapeBuilder.Calls.cs</c>.</description></item>
    /// <item><description>Columns (<c>ShapeBuilder.Columns.cs</c>): <c>d.Property</c> is the root access,
    /// <c>d.Navigation.Property</c> a joined access created on first use with its join equalities.</description></item>
    /// <item><description>Assembly (this file): each access's state becomes a <see cref="TableAccess"/>, and each
    /// subquery is appended as query blocks of its own.</description></item>
    /// </list>
    /// </remarks>
    internal sealed partial class ShapeBuilder
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
