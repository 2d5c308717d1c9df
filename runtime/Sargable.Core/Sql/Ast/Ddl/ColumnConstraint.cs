using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>One column constraint: NOT NULL, NULL, DEFAULT, PRIMARY KEY, UNIQUE, REFERENCES, CHECK, GENERATED ... AS IDENTITY, GENERATED ALWAYS AS (...) STORED, or COLLATE.</summary>
    public sealed class ColumnConstraint : SqlNode
    {
        public ColumnConstraint(SqlSpan span, SqlIdentifier? name, ColumnConstraintKind kind, SqlExpression? expression, ForeignKeyReference? references, IdentityKind identity, string? identityOptions, bool nullsNotDistinct, bool isAutoIncrement, SqlQualifiedName? collation)
            : base(span)
        {
            Name = name;
            Kind = kind;
            Expression = expression;
            References = references;
            Identity = identity;
            IdentityOptions = identityOptions;
            NullsNotDistinct = nullsNotDistinct;
            IsAutoIncrement = isAutoIncrement;
            Collation = collation;
        }

        /// <summary><c>CONSTRAINT name</c>, if given.</summary>
        public SqlIdentifier? Name { get; }

        /// <summary>Which constraint.</summary>
        public ColumnConstraintKind Kind { get; }

        /// <summary>The DEFAULT value, CHECK condition or generation expression.</summary>
        public SqlExpression? Expression { get; }

        /// <summary>The REFERENCES target.</summary>
        public ForeignKeyReference? References { get; }

        /// <summary>ALWAYS or BY DEFAULT, for identity columns (and ALWAYS for generated columns).</summary>
        public IdentityKind Identity { get; }

        /// <summary>The sequence options text inside the parentheses after AS IDENTITY, if any.</summary>
        public string? IdentityOptions { get; }

        /// <summary>True for UNIQUE NULLS NOT DISTINCT.</summary>
        public bool NullsNotDistinct { get; }

        /// <summary>True for SQLite's PRIMARY KEY AUTOINCREMENT.</summary>
        public bool IsAutoIncrement { get; }

        /// <summary>The COLLATE name.</summary>
        public SqlQualifiedName? Collation { get; }

        public override void Accept(SqlVisitor visitor) => visitor.VisitColumnConstraint(this);

        public override TResult Accept<TResult>(SqlVisitor<TResult> visitor) => visitor.VisitColumnConstraint(this);

        internal override void CollectChildren(List<SqlNode> children)
        {
            Add(children, Expression);
        }
    }
}
