using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sargable.Analyzers.Model;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>
    /// A LINQ query reduced to the core's shape, with the way back from shape locations to source. Built by the binding
    /// <see cref="ShapeBuilder"/> (with its <see cref="Chain"/>) or by the syntax-only <see cref="SyntaxShapeReader"/>.
    /// </summary>
    internal sealed class LinqShape
    {
        public LinqShape(QueryShape shape, QueryChain? chain, Location executionLocation, bool hasTerminal, IReadOnlyList<EntityModel> entities, Dictionary<int, Location> locations)
        {
            Shape = shape;
            Chain = chain;
            ExecutionLocation = executionLocation;
            HasTerminal = hasTerminal;
            Entities = entities;
            Locations = locations;
        }

        public QueryShape Shape { get; }

        /// <summary>The bound query, or null when the shape was read from syntax alone.</summary>
        public QueryChain? Chain { get; }

        /// <summary>Where a finding about the execution is reported: the terminal call (name and arguments) or the foreach collection.</summary>
        public Location ExecutionLocation { get; }

        /// <summary>False when a <c>foreach</c> enumerates the query itself.</summary>
        public bool HasTerminal { get; }

        /// <summary>The entity behind each access, by access id.</summary>
        public IReadOnlyList<EntityModel> Entities { get; }

        /// <summary>Source locations by <see cref="Sargable.Shapes.SourceLocation.Offset"/>.</summary>
        public Dictionary<int, Location> Locations { get; }

        /// <summary>The call that starts the final ordering (<c>OrderBy</c>), if any.</summary>
        public InvocationExpressionSyntax? OrderCall { get; set; }

        /// <summary>The last ordering call (<c>OrderBy</c> or the last <c>ThenBy</c>).</summary>
        public InvocationExpressionSyntax? LastOrderCall { get; set; }

        /// <summary>The call that sets the offset (<c>Skip</c>, or <c>ElementAt</c> as the terminal).</summary>
        public InvocationExpressionSyntax? SkipCall { get; set; }

        public InvocationExpressionSyntax? TakeCall { get; set; }

        /// <summary>The ordering of access 0 as property names with directions.</summary>
        public List<(string Property, bool Descending)> Order { get; } = new();

        /// <summary>Records a source location for a shape fact and returns the core's position for it (both readers use this).</summary>
        public static SourceLocation Register(Dictionary<int, Location> locations, Location location)
        {
            var span = location.SourceSpan;
            var line = location.GetLineSpan().StartLinePosition;
            locations[span.Start] = location;
            return new SourceLocation(span.Start, line.Line + 1, line.Character + 1);
        }

        public Location? Find(SourceLocation? location) =>
            location is { } l && Locations.TryGetValue(l.Offset, out var found) ? found : null;
    }
}
