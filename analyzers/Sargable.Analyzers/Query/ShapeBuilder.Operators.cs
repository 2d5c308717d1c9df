using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>The chain's operators and its executing call: ordering, Take/Skip, projections, tags, and the terminal's limit or predicate.</summary>
    internal sealed partial class ShapeBuilder
    {
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
    }
}
