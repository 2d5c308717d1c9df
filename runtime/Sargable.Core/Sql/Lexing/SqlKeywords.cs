using System;

namespace Sargable.Sql
{
    /// <summary>
    /// Keyword spelling and category, and an allocation-free lookup of a source range: the lexer hashes the
    /// lower-cased letters while it scans a word, and this open-addressing table finds the keyword with that hash.
    /// </summary>
    internal static class SqlKeywords
    {
        internal const int MaxLength = 20;

        private const int TableMask = 1023;

        private static readonly string[] s_text;
        private static readonly KeywordCategory[] s_category;
        private static readonly ushort[] s_table = new ushort[TableMask + 1];

        static SqlKeywords()
        {
            var entries = Entries();
            var count = 0;
            foreach (SqlKeyword keyword in Enum.GetValues(typeof(SqlKeyword)))
            {
                count = Math.Max(count, (int)keyword + 1);
            }

            s_text = new string[count];
            s_category = new KeywordCategory[count];
            foreach (var (keyword, text, category) in entries)
            {
                s_text[(int)keyword] = text;
                s_category[(int)keyword] = category;
                var hash = 0;
                foreach (var c in text)
                {
                    hash = Step(hash, c);
                }

                var slot = Slot(hash);
                while (s_table[slot] != 0)
                {
                    slot = (slot + 1) & TableMask;
                }

                s_table[slot] = (ushort)keyword;
            }
        }

        /// <summary>One step of the hash the lexer computes over a word; <paramref name="lower"/> is a lower-case ASCII letter or '_'.</summary>
        internal static int Step(int hash, char lower) => unchecked((hash * 31) + lower);

        /// <summary>The keyword spelled by <c>source[start..start+length)</c> (ASCII letters and '_' only), or None.</summary>
        internal static SqlKeyword Lookup(string source, int start, int length, int hash)
        {
            var slot = Slot(hash);
            while (true)
            {
                var candidate = s_table[slot];
                if (candidate == 0)
                {
                    return SqlKeyword.None;
                }

                var text = s_text[candidate];
                if (text.Length == length && string.Compare(source, start, text, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return (SqlKeyword)candidate;
                }

                slot = (slot + 1) & TableMask;
            }
        }

        internal static KeywordCategory Category(SqlKeyword keyword) => s_category[(int)keyword];

        /// <summary>The keyword as written in SQL, lower case (e.g. <c>current_timestamp</c>).</summary>
        internal static string Text(SqlKeyword keyword) => s_text[(int)keyword] ?? string.Empty;

        /// <summary>Every keyword, for tests that check the table is complete and consistent.</summary>
        internal static (SqlKeyword Keyword, string Text, KeywordCategory Category)[] Entries()
        {
            const KeywordCategory R = KeywordCategory.Reserved;
            const KeywordCategory T = KeywordCategory.TypeFunctionName;
            const KeywordCategory C = KeywordCategory.ColumnName;
            const KeywordCategory U = KeywordCategory.Unreserved;
            return new[]
            {
                (SqlKeyword.All, "all", R), (SqlKeyword.Analyse, "analyse", R), (SqlKeyword.Analyze, "analyze", R),
                (SqlKeyword.And, "and", R), (SqlKeyword.Any, "any", R), (SqlKeyword.Array, "array", R),
                (SqlKeyword.As, "as", R), (SqlKeyword.Asc, "asc", R), (SqlKeyword.Asymmetric, "asymmetric", R),
                (SqlKeyword.Both, "both", R), (SqlKeyword.Case, "case", R), (SqlKeyword.Cast, "cast", R),
                (SqlKeyword.Check, "check", R), (SqlKeyword.Collate, "collate", R), (SqlKeyword.Column, "column", R),
                (SqlKeyword.Constraint, "constraint", R), (SqlKeyword.Create, "create", R),
                (SqlKeyword.CurrentCatalog, "current_catalog", R), (SqlKeyword.CurrentDate, "current_date", R),
                (SqlKeyword.CurrentRole, "current_role", R), (SqlKeyword.CurrentTime, "current_time", R),
                (SqlKeyword.CurrentTimestamp, "current_timestamp", R), (SqlKeyword.CurrentUser, "current_user", R),
                (SqlKeyword.Default, "default", R), (SqlKeyword.Deferrable, "deferrable", R), (SqlKeyword.Desc, "desc", R),
                (SqlKeyword.Distinct, "distinct", R), (SqlKeyword.Do, "do", R), (SqlKeyword.Else, "else", R),
                (SqlKeyword.End, "end", R), (SqlKeyword.Except, "except", R), (SqlKeyword.False, "false", R),
                (SqlKeyword.Fetch, "fetch", R), (SqlKeyword.For, "for", R), (SqlKeyword.Foreign, "foreign", R),
                (SqlKeyword.From, "from", R), (SqlKeyword.Grant, "grant", R), (SqlKeyword.Group, "group", R),
                (SqlKeyword.Having, "having", R), (SqlKeyword.In, "in", R), (SqlKeyword.Initially, "initially", R),
                (SqlKeyword.Intersect, "intersect", R), (SqlKeyword.Into, "into", R), (SqlKeyword.Lateral, "lateral", R),
                (SqlKeyword.Leading, "leading", R), (SqlKeyword.Limit, "limit", R), (SqlKeyword.LocalTime, "localtime", R),
                (SqlKeyword.LocalTimestamp, "localtimestamp", R), (SqlKeyword.Not, "not", R), (SqlKeyword.Null, "null", R),
                (SqlKeyword.Offset, "offset", R), (SqlKeyword.On, "on", R), (SqlKeyword.Only, "only", R),
                (SqlKeyword.Or, "or", R), (SqlKeyword.Order, "order", R), (SqlKeyword.Placing, "placing", R),
                (SqlKeyword.Primary, "primary", R), (SqlKeyword.References, "references", R),
                (SqlKeyword.Returning, "returning", R), (SqlKeyword.Select, "select", R),
                (SqlKeyword.SessionUser, "session_user", R), (SqlKeyword.Some, "some", R),
                (SqlKeyword.Symmetric, "symmetric", R), (SqlKeyword.SystemUser, "system_user", R),
                (SqlKeyword.Table, "table", R), (SqlKeyword.Then, "then", R), (SqlKeyword.To, "to", R),
                (SqlKeyword.Trailing, "trailing", R), (SqlKeyword.True, "true", R), (SqlKeyword.Union, "union", R),
                (SqlKeyword.Unique, "unique", R), (SqlKeyword.User, "user", R), (SqlKeyword.Using, "using", R),
                (SqlKeyword.Variadic, "variadic", R), (SqlKeyword.When, "when", R), (SqlKeyword.Where, "where", R),
                (SqlKeyword.Window, "window", R), (SqlKeyword.With, "with", R),

                (SqlKeyword.Authorization, "authorization", T), (SqlKeyword.Binary, "binary", T),
                (SqlKeyword.Collation, "collation", T), (SqlKeyword.Concurrently, "concurrently", T),
                (SqlKeyword.Cross, "cross", T), (SqlKeyword.CurrentSchema, "current_schema", T),
                (SqlKeyword.Freeze, "freeze", T), (SqlKeyword.Full, "full", T), (SqlKeyword.ILike, "ilike", T),
                (SqlKeyword.Inner, "inner", T), (SqlKeyword.Is, "is", T), (SqlKeyword.IsNull, "isnull", T),
                (SqlKeyword.Join, "join", T), (SqlKeyword.Left, "left", T), (SqlKeyword.Like, "like", T),
                (SqlKeyword.Natural, "natural", T), (SqlKeyword.NotNull, "notnull", T), (SqlKeyword.Outer, "outer", T),
                (SqlKeyword.Overlaps, "overlaps", T), (SqlKeyword.Right, "right", T), (SqlKeyword.Similar, "similar", T),
                (SqlKeyword.TableSample, "tablesample", T), (SqlKeyword.Verbose, "verbose", T),

                (SqlKeyword.Between, "between", C), (SqlKeyword.BigInt, "bigint", C), (SqlKeyword.Bit, "bit", C),
                (SqlKeyword.Boolean, "boolean", C), (SqlKeyword.Char, "char", C), (SqlKeyword.Character, "character", C),
                (SqlKeyword.Coalesce, "coalesce", C), (SqlKeyword.Dec, "dec", C), (SqlKeyword.Decimal, "decimal", C),
                (SqlKeyword.Exists, "exists", C), (SqlKeyword.Extract, "extract", C), (SqlKeyword.Float, "float", C),
                (SqlKeyword.Greatest, "greatest", C), (SqlKeyword.Grouping, "grouping", C), (SqlKeyword.Int, "int", C),
                (SqlKeyword.Integer, "integer", C), (SqlKeyword.Interval, "interval", C), (SqlKeyword.Least, "least", C),
                (SqlKeyword.National, "national", C), (SqlKeyword.NChar, "nchar", C), (SqlKeyword.NullIf, "nullif", C),
                (SqlKeyword.Numeric, "numeric", C), (SqlKeyword.Position, "position", C),
                (SqlKeyword.Precision, "precision", C), (SqlKeyword.Real, "real", C), (SqlKeyword.Row, "row", C),
                (SqlKeyword.SmallInt, "smallint", C), (SqlKeyword.Substring, "substring", C), (SqlKeyword.Time, "time", C),
                (SqlKeyword.Timestamp, "timestamp", C), (SqlKeyword.Trim, "trim", C), (SqlKeyword.Values, "values", C),
                (SqlKeyword.VarChar, "varchar", C), (SqlKeyword.XmlAttributes, "xmlattributes", C),
                (SqlKeyword.XmlConcat, "xmlconcat", C), (SqlKeyword.XmlElement, "xmlelement", C),
                (SqlKeyword.XmlExists, "xmlexists", C), (SqlKeyword.XmlForest, "xmlforest", C),
                (SqlKeyword.XmlNamespaces, "xmlnamespaces", C), (SqlKeyword.XmlParse, "xmlparse", C),
                (SqlKeyword.XmlPi, "xmlpi", C), (SqlKeyword.XmlRoot, "xmlroot", C),
                (SqlKeyword.XmlSerialize, "xmlserialize", C), (SqlKeyword.XmlTable, "xmltable", C),

                (SqlKeyword.Action, "action", U), (SqlKeyword.Add, "add", U), (SqlKeyword.Alter, "alter", U),
                (SqlKeyword.Always, "always", U), (SqlKeyword.At, "at", U), (SqlKeyword.AutoIncrement, "autoincrement", U),
                (SqlKeyword.By, "by", U), (SqlKeyword.Cascade, "cascade", U), (SqlKeyword.Conflict, "conflict", U),
                (SqlKeyword.Cube, "cube", U), (SqlKeyword.Current, "current", U), (SqlKeyword.Day, "day", U),
                (SqlKeyword.Deferred, "deferred", U), (SqlKeyword.Delete, "delete", U), (SqlKeyword.Double, "double", U),
                (SqlKeyword.Escape, "escape", U), (SqlKeyword.Exclude, "exclude", U), (SqlKeyword.Filter, "filter", U),
                (SqlKeyword.First, "first", U), (SqlKeyword.Following, "following", U),
                (SqlKeyword.Generated, "generated", U), (SqlKeyword.Global, "global", U), (SqlKeyword.Groups, "groups", U),
                (SqlKeyword.Hour, "hour", U), (SqlKeyword.Identity, "identity", U), (SqlKeyword.If, "if", U),
                (SqlKeyword.Immediate, "immediate", U), (SqlKeyword.Include, "include", U), (SqlKeyword.Index, "index", U),
                (SqlKeyword.Inherit, "inherit", U), (SqlKeyword.Insert, "insert", U), (SqlKeyword.Key, "key", U),
                (SqlKeyword.Last, "last", U), (SqlKeyword.Local, "local", U), (SqlKeyword.Locked, "locked", U),
                (SqlKeyword.Match, "match", U), (SqlKeyword.Materialized, "materialized", U),
                (SqlKeyword.Minute, "minute", U), (SqlKeyword.Month, "month", U), (SqlKeyword.Next, "next", U),
                (SqlKeyword.No, "no", U), (SqlKeyword.Nothing, "nothing", U), (SqlKeyword.NoWait, "nowait", U),
                (SqlKeyword.Nulls, "nulls", U), (SqlKeyword.Of, "of", U), (SqlKeyword.Ordinality, "ordinality", U),
                (SqlKeyword.Others, "others", U), (SqlKeyword.Over, "over", U), (SqlKeyword.Overriding, "overriding", U),
                (SqlKeyword.Partial, "partial", U), (SqlKeyword.Partition, "partition", U),
                (SqlKeyword.Preceding, "preceding", U), (SqlKeyword.Range, "range", U),
                (SqlKeyword.Recursive, "recursive", U), (SqlKeyword.Replace, "replace", U),
                (SqlKeyword.Restrict, "restrict", U), (SqlKeyword.Rollup, "rollup", U), (SqlKeyword.Rows, "rows", U),
                (SqlKeyword.Second, "second", U), (SqlKeyword.Set, "set", U), (SqlKeyword.Sets, "sets", U),
                (SqlKeyword.Share, "share", U), (SqlKeyword.Simple, "simple", U), (SqlKeyword.Skip, "skip", U),
                (SqlKeyword.Stored, "stored", U), (SqlKeyword.System, "system", U),
                (SqlKeyword.Tablespace, "tablespace", U), (SqlKeyword.Temp, "temp", U),
                (SqlKeyword.Temporary, "temporary", U), (SqlKeyword.Ties, "ties", U),
                (SqlKeyword.Unbounded, "unbounded", U), (SqlKeyword.Unknown, "unknown", U),
                (SqlKeyword.Unlogged, "unlogged", U), (SqlKeyword.Update, "update", U), (SqlKeyword.Valid, "valid", U),
                (SqlKeyword.Value, "value", U), (SqlKeyword.Varying, "varying", U), (SqlKeyword.Virtual, "virtual", U),
                (SqlKeyword.Within, "within", U), (SqlKeyword.Without, "without", U), (SqlKeyword.Year, "year", U),
                (SqlKeyword.Zone, "zone", U),
            };
        }

        private static int Slot(int hash) => unchecked((int)(((uint)hash * 2654435769u) >> 22)) & TableMask;
    }
}
