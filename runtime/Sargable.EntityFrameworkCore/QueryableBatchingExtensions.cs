using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace Sargable
{
    /// <summary>The direction <see cref="QueryableBatchingExtensions.EachBatchAsync{T}(IQueryable{T}, int, BatchOrder, CancellationToken)"/> walks the key in.</summary>
    public enum BatchOrder
    {
        /// <summary>Smallest key first.</summary>
        Ascending,
        /// <summary>Largest key first.</summary>
        Descending,
    }

    /// <summary>
    /// Keyset batching with GitLab's <c>each_batch</c> semantics: the rows of a query are split into batches by an
    /// ordered unique key (the primary key by default), and each batch is yielded as a query bounded by
    /// <c>key &gt; previous AND key &lt;= last</c> (the first batch only by <c>key &lt;= last</c>), ready to be read or run
    /// as <c>ExecuteUpdateAsync</c> / <c>ExecuteDeleteAsync</c>. A batch's last key is found by one query that walks the
    /// next <c>of</c> keys through an index and returns only the last; no OFFSET is ever used, so every batch costs the
    /// same however far into the table it is.
    /// </summary>
    public static class QueryableBatchingExtensions
    {
        private static readonly MethodInfo IterateMethod = typeof(QueryableBatchingExtensions).GetMethod(nameof(Iterate), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;
        private static readonly MethodInfo QueryableMax = QueryableAggregate(nameof(Queryable.Max));
        private static readonly MethodInfo QueryableMin = QueryableAggregate(nameof(Queryable.Min));
        private static readonly MethodInfo ExecuteAsyncMethod = typeof(IAsyncQueryProvider).GetMethod(nameof(IAsyncQueryProvider.ExecuteAsync))!;
        private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), new[] { typeof(string), typeof(string) })!;

        /// <summary>
        /// Batches the query by its entity's primary key (a single column). Batches come lazily: each boundary is looked up
        /// after the previous batch was handed out, so rows the caller deletes or inserts meanwhile are handled the way
        /// each_batch handles them — every row present throughout is visited exactly once, and rows inserted beyond the
        /// current batch are visited when their batch comes (the walk ends when a lookup finds no key beyond the last).
        /// </summary>
        /// <param name="source">A query over an entity type, filtered or not.</param>
        /// <param name="of">Rows per batch (at least 1).</param>
        /// <param name="order">Walk the key ascending (batches <c>&gt; previous AND &lt;= last</c>) or descending (<c>&lt; previous AND &gt;= last</c>).</param>
        /// <param name="cancellationToken">Cancels the boundary lookups.</param>
        /// <exception cref="ArgumentException">The element type is not an entity type with a single-column primary key: pass the column.</exception>
        public static IAsyncEnumerable<IQueryable<T>> EachBatchAsync<T>(this IQueryable<T> source, int of = 1000, BatchOrder order = BatchOrder.Ascending, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(source);
            var key = PrimaryKey(source);
            var parameter = Expression.Parameter(typeof(T), "row");
            var access = Expression.Call(PropertyMethod.MakeGenericMethod(key.ClrType), parameter, Expression.Constant(key.Name));
            var selector = Expression.Lambda(access, parameter);
            return (IAsyncEnumerable<IQueryable<T>>)IterateMethod.MakeGenericMethod(typeof(T), key.ClrType)
                .Invoke(null, new object[] { source, selector, of, order, cancellationToken })!;
        }

        /// <summary>
        /// Batches the query by <paramref name="column"/>, which must be unique, non-null and ordered by an index (for
        /// example <c>x =&gt; x.Id</c> or a unique timestamp-and-id surrogate). See <see cref="EachBatchAsync{T}(IQueryable{T}, int, BatchOrder, CancellationToken)"/>.
        /// </summary>
        public static IAsyncEnumerable<IQueryable<T>> EachBatchAsync<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> column, int of = 1000, BatchOrder order = BatchOrder.Ascending, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentNullException.ThrowIfNull(column);
            return Iterate(source, column, of, order, cancellationToken);
        }

        private static async IAsyncEnumerable<IQueryable<T>> Iterate<T, TKey>(
            IQueryable<T> source,
            Expression<Func<T, TKey>> key,
            int of,
            BatchOrder order,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (of < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(of), of, "A batch holds at least one row.");
            }

            if (Nullable.GetUnderlyingType(typeof(TKey)) is not null)
            {
                throw new ArgumentException($"The batch column {key} is nullable; batch by a unique, non-null column such as the primary key.", nameof(key));
            }

            var descending = order == BatchOrder.Descending;
            var beyond = descending ? ExpressionType.LessThan : ExpressionType.GreaterThan;
            var through = descending ? ExpressionType.GreaterThanOrEqual : ExpressionType.LessThanOrEqual;

            // The lookup walks the next `of` keys through the key's index and returns only the last (MAX, or MIN when
            // descending, over the limited window: no sort, one row back however large the batch). Its bound reads the
            // box's value as a parameter, so every lookup after the first shares one SQL text (one plan, one verdict).
            var after = new Boundary<TKey>();
            var afterPrevious = Bound(key, after, beyond);
            var lastOf = LastKeyLookup<TKey>(descending);
            var first = true;
            while (true)
            {
                var rest = first ? source : source.Where(afterPrevious);
                var keys = rest.Select(key);
                var window = (descending ? keys.OrderByDescending(k => k) : keys.OrderBy(k => k)).Take(of);
                var (found, last) = await lastOf(window, cancellationToken).ConfigureAwait(false);
                if (!found)
                {
                    yield break;
                }

                // Each batch gets its own boxes: a batch yielded earlier must keep its bounds when the walk moves on.
                var batch = first ? source : source.Where(Bound(key, new Boundary<TKey> { Value = after.Value }, beyond));
                yield return batch.Where(Bound(key, new Boundary<TKey> { Value = last }, through));
                after.Value = last;
                first = false;
            }
        }

        /// <summary>
        /// The query that finds a window's last key: MAX (MIN) of the key as a nullable value, so an empty window reads as
        /// "no key" rather than an error. PostgreSQL has no max(uuid), so Guid windows are read and their last key taken.
        /// </summary>
        private static Func<IQueryable<TKey>, CancellationToken, Task<(bool Found, TKey Value)>> LastKeyLookup<TKey>(bool descending)
        {
            if (typeof(TKey) == typeof(Guid))
            {
                return async (window, cancellationToken) =>
                {
                    var keys = await window.ToListAsync(cancellationToken).ConfigureAwait(false);
                    return keys.Count == 0 ? (false, default!) : (true, keys[^1]);
                };
            }

            var nullable = typeof(TKey).IsValueType ? typeof(Nullable<>).MakeGenericType(typeof(TKey)) : typeof(TKey);
            var parameter = Expression.Parameter(typeof(TKey), "key");
            var selector = Expression.Quote(Expression.Lambda(Expression.Convert(parameter, nullable), parameter));
            var aggregate = (descending ? QueryableMin : QueryableMax).MakeGenericMethod(typeof(TKey), nullable);
            var execute = ExecuteAsyncMethod.MakeGenericMethod(typeof(Task<>).MakeGenericType(nullable));
            var result = typeof(Task<>).MakeGenericType(nullable).GetProperty(nameof(Task<object>.Result))!;
            return async (window, cancellationToken) =>
            {
                var query = Expression.Call(aggregate, window.Expression, selector);
                var provider = (IAsyncQueryProvider)window.Provider;
                var task = (Task)execute.Invoke(provider, new object[] { query, cancellationToken })!;
                await task.ConfigureAwait(false);
                return result.GetValue(task) is TKey value ? (true, value) : (false, default!);
            };
        }

        private static Expression<Func<T, bool>> Bound<T, TKey>(Expression<Func<T, TKey>> key, Boundary<TKey> boundary, ExpressionType comparison)
        {
            var value = Expression.Property(Expression.Constant(boundary), nameof(Boundary<TKey>.Value));
            return Expression.Lambda<Func<T, bool>>(Compare(key.Body, value, comparison), key.Parameters);
        }

        private static Expression Compare(Expression left, Expression right, ExpressionType comparison)
        {
            if (left.Type == typeof(string))
            {
                return Expression.MakeBinary(comparison, Expression.Call(StringCompare, left, right), Expression.Constant(0));
            }

            try
            {
                return Expression.MakeBinary(comparison, left, right);
            }
            catch (InvalidOperationException)
            {
                var compareTo = left.Type.GetMethod(nameof(IComparable.CompareTo), new[] { left.Type })
                    ?? throw new ArgumentException($"The batch column's type {left.Type.Name} cannot be compared; batch by a numeric, string, date or Guid column.");
                return Expression.MakeBinary(comparison, Expression.Call(left, compareTo, right), Expression.Constant(0));
            }
        }

        // Queryable.Max<TSource, TResult>(source, selector) (and Min): the overload with a selector.
        private static MethodInfo QueryableAggregate(string name) =>
            typeof(Queryable).GetMethods().Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 2 && m.GetParameters().Length == 2);

        private static IReadOnlyProperty PrimaryKey<T>(IQueryable<T> source)
        {
            EntityQueryRootExpression? root;
            try
            {
                root = RootFinder.Find(source.Expression);
            }
            catch (ArgumentException)
            {
                root = null;
            }

            if (root is null || root.EntityType.ClrType != typeof(T))
            {
                throw new ArgumentException(
                    $"EachBatchAsync batches by the primary key of the query's entity, but the elements are {typeof(T).Name}; pass the column: EachBatchAsync(x => x.Id).",
                    nameof(source));
            }

            var primaryKey = root.EntityType.FindPrimaryKey();
            if (primaryKey is null || primaryKey.Properties.Count != 1)
            {
                throw new ArgumentException(
                    $"{root.EntityType.DisplayName()} has {(primaryKey is null ? "no primary key" : "a composite primary key")}; pass a unique, ordered column: EachBatchAsync(x => x.Column).",
                    nameof(source));
            }

            return primaryKey.Properties[0];
        }

        /// <summary>A mutable value EF Core reads as a query parameter.</summary>
        private sealed class Boundary<TKey>
        {
            public TKey Value { get; set; } = default!;
        }

        private sealed class RootFinder : ExpressionVisitor
        {
            private EntityQueryRootExpression? root;

            public static EntityQueryRootExpression? Find(Expression expression)
            {
                var finder = new RootFinder();
                finder.Visit(expression);
                return finder.root;
            }

            protected override Expression VisitExtension(Expression node)
            {
                if (node is EntityQueryRootExpression entityRoot)
                {
                    root ??= entityRoot;
                    return node;
                }

                return base.VisitExtension(node);
            }
        }
    }
}
