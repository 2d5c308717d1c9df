using System;

namespace Sargable.Sql
{
    /// <summary>One <c>name [= value]</c> of a <c>WITH (...)</c> storage parameter list.</summary>
    public sealed class StorageParameter
    {
        public StorageParameter(string name, string? value, SqlSpan span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Value = value;
            Span = span;
        }

        /// <summary>The parameter name, lower case (dotted for <c>toast.x</c>).</summary>
        public string Name { get; }

        /// <summary>The value's source text (quotes removed from strings), or null when only the name is given.</summary>
        public string? Value { get; }

        public SqlSpan Span { get; }

        public override string ToString() => Value is null ? Name : Name + "=" + Value;
    }
}
