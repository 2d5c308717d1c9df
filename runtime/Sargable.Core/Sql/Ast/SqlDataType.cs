using System;
using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>A type name as in casts and column definitions: <c>bigint</c>, <c>character varying(255)</c>, <c>timestamp with time zone</c>, <c>text[]</c>.</summary>
    public sealed class SqlDataType
    {
        private static readonly Dictionary<string, string> s_canonical = new(StringComparer.Ordinal)
        {
            ["int"] = "integer",
            ["int4"] = "integer",
            ["integer"] = "integer",
            ["int8"] = "bigint",
            ["int2"] = "smallint",
            ["float8"] = "double precision",
            ["float"] = "double precision",
            ["float4"] = "real",
            ["bool"] = "boolean",
            ["varchar"] = "character varying",
            ["char varying"] = "character varying",
            ["national character varying"] = "character varying",
            ["national char varying"] = "character varying",
            ["nchar varying"] = "character varying",
            ["char"] = "character",
            ["nchar"] = "character",
            ["national character"] = "character",
            ["national char"] = "character",
            ["bpchar"] = "character",
            ["decimal"] = "numeric",
            ["dec"] = "numeric",
            ["timestamptz"] = "timestamp with time zone",
            ["timestamp"] = "timestamp without time zone",
            ["timetz"] = "time with time zone",
            ["time"] = "time without time zone",
            ["varbit"] = "bit varying",
        };

        public SqlDataType(string name, SqlQualifiedName? qualifiedName, IReadOnlyList<SqlExpression> modifiers, int arrayDimensions, SqlSpan span)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            QualifiedName = qualifiedName;
            Modifiers = modifiers ?? throw new ArgumentNullException(nameof(modifiers));
            ArrayDimensions = arrayDimensions;
            Span = span;
            var key = name.StartsWith("pg_catalog.", StringComparison.Ordinal) ? name.Substring("pg_catalog.".Length) : name;
            CanonicalName = s_canonical.TryGetValue(key, out var canonical) ? canonical : key;
        }

        /// <summary>
        /// The name as written, lower case, words joined by single spaces, without modifiers or array brackets:
        /// <c>character varying</c>, <c>timestamp with time zone</c>, <c>int4</c>, <c>interval day to second</c>,
        /// <c>public.citext</c> (quoted parts keep their case).
        /// </summary>
        public string Name { get; }

        /// <summary>PostgreSQL's own name for built-in aliases (<c>int</c> → <c>integer</c>, <c>varchar</c> → <c>character varying</c>, <c>timestamptz</c> → <c>timestamp with time zone</c>), else <see cref="Name"/>.</summary>
        public string CanonicalName { get; }

        /// <summary>The name parts when the type was written as a (possibly quoted or qualified) name rather than SQL-standard keywords.</summary>
        public SqlQualifiedName? QualifiedName { get; }

        /// <summary>Type modifiers such as the 255 of <c>varchar(255)</c> or <c>10, 2</c> of <c>numeric(10,2)</c>. Not visited by walkers (they are constants).</summary>
        public IReadOnlyList<SqlExpression> Modifiers { get; }

        /// <summary>How many <c>[]</c> (or <c>ARRAY</c>) follow the type.</summary>
        public int ArrayDimensions { get; }

        public bool IsArray => ArrayDimensions > 0;

        public SqlSpan Span { get; }

        public override string ToString() => IsArray ? Name + "[]" : Name;
    }
}
