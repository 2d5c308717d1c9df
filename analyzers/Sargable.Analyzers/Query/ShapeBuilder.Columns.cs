using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Sargable.Shapes;

namespace Sargable.Analyzers.Query
{
    /// <summary>Columns: properties of the root entity, and of reference navigations as joined accesses.</summary>
    internal sealed partial class ShapeBuilder
    {
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
    }
}
