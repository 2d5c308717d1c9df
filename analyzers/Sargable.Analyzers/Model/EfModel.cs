using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Sargable.Analyzers.Model
{
    /// <summary>The EF model as the compilation shows it: every entity found through a DbContext in source or its configuration.</summary>
    internal sealed class EfModel
    {
        private readonly Dictionary<INamedTypeSymbol, EntityModel> entities;
        private readonly ConcurrentDictionary<INamedTypeSymbol, EntityModel> unseen = new(SymbolEqualityComparer.Default);
        private readonly EfSymbols symbols;

        public EfModel(EfSymbols symbols, Dictionary<INamedTypeSymbol, EntityModel> entities)
        {
            this.symbols = symbols;
            this.entities = entities;
        }

        public IEnumerable<EntityModel> Entities => entities.Values;

        /// <summary>
        /// The entity for a type. Types no source DbContext maps (a context from a referenced assembly) get a model from
        /// attributes and conventions only, marked as not showing its indexes.
        /// </summary>
        public EntityModel Get(INamedTypeSymbol type)
        {
            if (entities.TryGetValue(type, out var entity))
            {
                return entity;
            }

            return unseen.GetOrAdd(type, t => EfModelReader.ReadUnseen(symbols, t));
        }

        public bool IsKnown(ITypeSymbol type) => type is INamedTypeSymbol named && entities.ContainsKey(named);
    }
}
