using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace QueryGuard
{
    /// <summary>The direction <see cref="QueryableBatchingExtensions.EachBatchAsync{T}(IQueryable{T}, int, BatchOrder, CancellationToken)"/> walks the key in.</summary>
    public enum BatchOrder
    {
        Ascending,
        Descending,
    }

    /// <summary>
    /// Keyset batching with GitLab's <c>each_batch</c> semantics: the rows of a query are split into batches by an
    /// ordered unique key (the primary key by default), and each batch is yielded as a query bounded by
    /// <c>key &gt;= start AND key &lt; stop</c>, ready to be read or run as <c>ExecuteUpdateAsync</c> /
    /// <c>ExecuteDeleteAsync</c>. Batch boundaries are found by reading at most <c>of + 1</c> keys from the current start
    /// through an index; no OFFSET is ever used, so every batch costs the same however far into the table it is.
    /// </summary>
    public static class QueryableBatchingExtensions
    {
        private static readonly MethodInfo IterateMethod = typeof(QueryableBatchingExtensions).GetMethod(nameof(Iterate), BindingFlags.NonPublic | BindingFlags.Static)!;
        private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;
        private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), new[] { typeof(string), typeof(string) })!;

        /// <summary>
        /// Batches the query by its entity's primary key (a single column). Batches come lazily: each boundary is looked up
        /// after the previous batch was handed out, so rows the caller deletes or inserts meanwhile are handled the way
        /// each_batch handles them — every row present throughout is visited exactly once, rows inserted beyond the
        /// current batch are visited when their batch comes, and the last batch is open-ended.
        /// </summary>
        /// <param name="source">A query over an entity type, filtered or not.</param>
        /// <param name="of">Rows per batch (at least 1).</param>
        /// <param name="order">Walk the key ascending (batches <c>&gt;= start AND &lt; stop</c>) or descending (<c>&lt;= start AND &gt; stop</c>).</param>
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
            var lower = descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual;
            var upper = descending ? ExpressionType.GreaterThan : ExpressionType.LessThan;

            // Bounds read the boxes' values as parameters, so every batch shares one SQL text (and one cached plan).
            var start = new Boundary<TKey>();
            var fromStart = Bound(key, start, lower);
            var first = true;
            while (true)
            {
                var rest = first ? source : source.Where(fromStart);
                var keys = rest.Select(key);
                keys = descending ? keys.OrderByDescending(k => k) : keys.OrderBy(k => k);
                var next = await keys.Take(of + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (next.Count == 0)
                {
                    yield break;
                }

                // Each batch gets its own boxes: a batch yielded earlier must keep its bounds when the walk moves on.
                var batch = source.Where(Bound(key, new Boundary<TKey> { Value = next[0] }, lower));
                if (next.Count <= of)
                {
                    // The last batch is open-ended: rows inserted beyond it meanwhile are part of it.
                    yield return batch;
                    yield break;
                }

                yield return batch.Where(Bound(key, new Boundary<TKey> { Value = next[of] }, upper));
                start.Value = next[of];
                first = false;
            }
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
