using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using QueryGuard.Analyzers.Model;
using QueryGuard.Shapes;

namespace QueryGuard.Analyzers.Query
{
    /// <summary>A LINQ query reduced to the core's shape, with the way back from shape locations to source.</summary>
    internal sealed class LinqShape
    {
        public LinqShape(QueryShape shape, QueryChain chain, IReadOnlyList<EntityModel> entities, Dictionary<int, Location> locations)
        {
            Shape = shape;
            Chain = chain;
            Entities = entities;
            Locations = locations;
        }

        public QueryShape Shape { get; }

        public QueryChain Chain { get; }

        /// <summary>The entity behind each access, by access id.</summary>
        public IReadOnlyList<EntityModel> Entities { get; }

        /// <summary>Source locations by <see cref="SourceLocation.Offset"/>.</summary>
        public Dictionary<int, Location> Locations { get; }

        /// <summary>The call that starts the final ordering (<c>OrderBy</c>), if any.</summary>
        public IInvocationOperation? OrderCall { get; set; }

        /// <summary>The last ordering call (<c>OrderBy</c> or the last <c>ThenBy</c>).</summary>
        public IInvocationOperation? LastOrderCall { get; set; }

        public IInvocationOperation? SkipCall { get; set; }

        public IInvocationOperation? TakeCall { get; set; }

        /// <summary>The ordering of access 0 as property names with directions.</summary>
        public List<(string Property, bool Descending)> Order { get; } = new();

        public Location? Find(SourceLocation? location) =>
            location is { } l && Locations.TryGetValue(l.Offset, out var found) ? found : null;
    }
}
