using Sargable.Registry;

namespace Sargable.Core.Tests.Registry
{
    /// <summary>Every way a registry file can be wrong gets its own sentence; nothing is silently dropped.</summary>
    public sealed class RegistryJsonErrorTests
    {
        // Each case is one line of JSON wrapped as {"tables": {"t": <table>}} unless it starts with '!' (then it is the whole document).
        [Theory]
        // The document.
        [InlineData("!", "(1,1): invalid JSON: the document is empty; expected a JSON value")]
        [InlineData("!{\"tables\": {},}", "(1,15): invalid JSON: a ',' must be followed by another property (trailing commas are not allowed)")]
        [InlineData("![]", "(1,1): the registry must be a JSON object with a \"tables\" property, not an array")]
        [InlineData("!{}", "(1,1): the registry must have a \"tables\" object that maps table names to their indexes (it may be empty: \"tables\": {})")]
        [InlineData("!{\"table\": {}}", "(1,2): the registry has an unknown property 'table' (did you mean 'tables'?); known properties are $schema, version, smallTableRows, tables")]
        [InlineData("!{\"tables\": []}", "(1,12): tables must be an object that maps table names to tables, not an array")]
        [InlineData("!{\"$schema\": 1, \"tables\": {}}", "(1,13): $schema must be a string (the URI of a JSON schema), not a number")]
        [InlineData("!{\"version\": \"1\", \"tables\": {}}", "(1,13): version must be the number 1, not \"1\"")]
        [InlineData("!{\"version\": 2, \"tables\": {}}", "(1,13): version is 2, but this Sargable reads only version 1 of the registry format")]
        [InlineData("!{\"smallTableRows\": -1, \"tables\": {}}", "(1,20): smallTableRows must be a whole number of rows, zero or more; -1 is not")]
        [InlineData("!{\"smallTableRows\": 1.5, \"tables\": {}}", "(1,20): smallTableRows must be a whole number of rows, zero or more; 1.5 is not")]
        [InlineData("!{\"smallTableRows\": null, \"tables\": {}}", "(1,20): smallTableRows must be a whole number of rows, zero or more, not null")]
        [InlineData("!{\"tables\": {\"t\": {}, \"t\": {}}}", "(1,22): tables has a duplicate key 't' (first at (1,13))")]
        // Table keys.
        [InlineData("!{\"tables\": {\"\": {}}}", "(1,13): tables has a table key that must not be empty: \"\"")]
        [InlineData("!{\"tables\": {\" t\": {}}}", "(1,13): tables has a table key that must not start or end with spaces: \" t\"")]
        [InlineData("!{\"tables\": {\"a.b.c\": {}}}", "(1,13): tables has the table key \"a.b.c\", which is neither \"table\" nor \"schema.table\"; for a table name that contains dots, give \"schema\" explicitly (a name or null)")]
        [InlineData("!{\"tables\": {\".t\": {}}}", "(1,13): tables has the table key \".t\", which is neither \"table\" nor \"schema.table\"; for a table name that contains dots, give \"schema\" explicitly (a name or null)")]
        [InlineData("!{\"tables\": {\"T\": {}, \"t\": {}}}", "(1,22): tables has the table 't' twice (first at (1,13)); table names are case-insensitive")]
        [InlineData("!{\"tables\": {\"public.t\": {}, \"t\": {\"schema\": \"PUBLIC\"}}}", "(1,29): tables has the table 'PUBLIC.t' twice (first at (1,13)); table names are case-insensitive")]
        [InlineData("!{\"tables\": {\"public.t\": {\"schema\": \"public\"}}}", "(1,13): tables[\"public.t\"] repeats the schema: when \"schema\" is given, the key is the bare table name (\"t\")")]
        // Tables.
        [InlineData("[]", "(1,18): tables.t must be an object with the table's \"indexes\" (and optionally \"small\", \"schema\", \"estimatedRows\", \"columns\"), not an array")]
        [InlineData("{\"index\": []}", "(1,19): tables.t has an unknown property 'index' (did you mean 'indexes'?); known properties are schema, small, estimatedRows, columns, indexes")]
        [InlineData("{\"rows\": 5}", "(1,19): tables.t has an unknown property 'rows'; known properties are schema, small, estimatedRows, columns, indexes")]
        [InlineData("{\"columns\": [\"a\"]}", "(1,30): tables.t.columns must be an object from column name to \"boolean\" or \"enumeration\", not an array")]
        [InlineData("{\"columns\": {\"a\": \"bool\"}}", "(1,36): tables.t.columns.a must be \"boolean\" or \"enumeration\", not \"bool\"")]
        [InlineData("{\"small\": \"yes\"}", "(1,28): tables.t.small must be true or false, not \"yes\"")]
        [InlineData("{\"small\": null}", "(1,28): tables.t.small must be true or false, not null")]
        [InlineData("{\"schema\": 3}", "(1,29): tables.t.schema must be a schema name or null, not a number")]
        [InlineData("{\"schema\": \"\"}", "(1,29): tables.t.schema must be a schema name that is not empty and does not start or end with spaces, not \"\"")]
        [InlineData("{\"estimatedRows\": -5}", "(1,36): tables.t.estimatedRows must be a whole number of rows, zero or more; -5 is not")]
        [InlineData("{\"estimatedRows\": \"5\"}", "(1,36): tables.t.estimatedRows must be a whole number of rows, zero or more, not a string")]
        [InlineData("{\"indexes\": {}}", "(1,30): tables.t.indexes must be an array of index objects, not an object")]
        // Indexes.
        [InlineData("{\"indexes\": [\"ix\"]}", "(1,31): tables.t.indexes[0] must be an index object with \"name\" and \"columns\", not a string")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"colums\": [\"a\"]}]}", "(1,46): tables.t.indexes[0] has an unknown property 'colums' (did you mean 'columns'?); known properties are name, columns, unique, primaryKey, where, method, include")]
        [InlineData("{\"indexes\": [{\"columns\": [\"a\"]}]}", "(1,31): tables.t.indexes[0] must have a \"name\"")]
        [InlineData("{\"indexes\": [{\"name\": 1, \"columns\": [\"a\"]}]}", "(1,40): tables.t.indexes[0].name must be the index name as a string, not a number")]
        [InlineData("{\"indexes\": [{\"name\": \" \", \"columns\": [\"a\"]}]}", "(1,40): tables.t.indexes[0].name must be an index name that is not empty and does not start or end with spaces, not \" \"")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\"}]}", "(1,31): tables.t.indexes[0].columns must be a non-empty array of column names")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": []}]}", "(1,57): tables.t.indexes[0].columns must be a non-empty array of column names")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": \"a\"}]}", "(1,57): tables.t.indexes[0].columns must be a non-empty array of column names")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a\"]}, {\"name\": \"IX\", \"columns\": [\"b\"]}]}", "(1,74): tables.t.indexes[1].name repeats the index name 'IX' (first at (1,40)); index names must be unique within a table")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a\"], \"unique\": 1}]}", "(1,74): tables.t.indexes[0].unique must be true or false, not 1")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a\"], \"primaryKey\": \"true\"}]}", "(1,78): tables.t.indexes[0].primaryKey must be true or false, not \"true\"")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a\"], \"where\": \"  \"}]}", "(1,73): tables.t.indexes[0].where must be the partial-index predicate as SQL text, or null; it is an empty string")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a\"], \"where\": true}]}", "(1,73): tables.t.indexes[0].where must be the partial-index predicate as SQL text, or null, not true")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a\"], \"method\": \"b tree\"}]}", "(1,74): tables.t.indexes[0].method must be an index access method name such as \"btree\", \"hash\", \"gin\", \"gist\" or \"brin\", not \"b tree\"")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a\"], \"include\": \"b\"}]}", "(1,75): tables.t.indexes[0].include must be an array of column names, not a string")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a\"], \"include\": [null]}]}", "(1,76): tables.t.indexes[0].include[0] must be a column name, not null")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a\"], \"include\": [\"\"]}]}", "(1,76): tables.t.indexes[0].include[0] must be a column name that is not empty and does not start or end with spaces, not \"\"")]
        // Columns.
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [1]}]}", "(1,58): tables.t.indexes[0].columns[0] must be a column name such as \"updated_at\" or \"updated_at DESC\", or an object {\"name\": ..., \"descending\": ...}, not a number")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"\"]}]}", "(1,58): tables.t.indexes[0].columns[0] must not be empty (column \"\")")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a \"]}]}", "(1,58): tables.t.indexes[0].columns[0] must not start or end with spaces (column \"a \")")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a DESC NULLS LAST\"]}]}", "(1,58): tables.t.indexes[0].columns[0] uses NULLS FIRST/LAST, which the registry does not record; write the column as \"name\" or \"name DESC\" (column \"a DESC NULLS LAST\")")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [\"a ASC DESC\"]}]}", "(1,58): tables.t.indexes[0].columns[0] has more than one sort direction (column \"a ASC DESC\")")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [{\"column\": \"a\"}]}]}", "(1,59): tables.t.indexes[0].columns[0] has an unknown property 'column'; known properties are name, descending, expression")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [{\"descending\": true}]}]}", "(1,58): tables.t.indexes[0].columns[0] must have a \"name\"")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [{\"name\": [\"a\"]}]}]}", "(1,67): tables.t.indexes[0].columns[0].name must be the column name as a string, not an array")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [{\"name\": \"a DESC\"}]}]}", "(1,67): tables.t.indexes[0].columns[0].name must be the bare column name without ASC, DESC or NULLS (the direction goes in \"descending\") (column \"a DESC\")")]
        [InlineData("{\"indexes\": [{\"name\": \"ix\", \"columns\": [{\"name\": \"a\", \"descending\": \"yes\"}]}]}", "(1,86): tables.t.indexes[0].columns[0].descending must be true or false, not \"yes\"")]
        // Keys and methods that PostgreSQL does not have.
        [InlineData("{\"indexes\": [{\"name\": \"a\", \"columns\": [\"a\"], \"primaryKey\": true}, {\"name\": \"b\", \"columns\": [\"b\"], \"primaryKey\": true}]}", "(1,130): tables.t.indexes[1].primaryKey makes 'b' a second primary key of the table (the first is 'a')")]
        [InlineData("{\"indexes\": [{\"name\": \"a\", \"columns\": [\"a\"], \"primaryKey\": true, \"unique\": false}]}", "(1,93): tables.t.indexes[0].unique is false, but a primary key is always unique; remove \"unique\" or set it to true")]
        [InlineData("{\"indexes\": [{\"name\": \"a\", \"columns\": [\"a\"], \"primaryKey\": true, \"where\": \"a > 0\"}]}", "(1,92): tables.t.indexes[0].where must be null for a primary key: a primary key cannot be a partial index")]
        [InlineData("{\"indexes\": [{\"name\": \"a\", \"columns\": [\"a\"], \"primaryKey\": true, \"method\": \"hash\"}]}", "(1,93): tables.t.indexes[0].method is \"hash\", but a primary key is always a btree index")]
        [InlineData("{\"indexes\": [{\"name\": \"a\", \"columns\": [\"a\"], \"unique\": true, \"method\": \"gin\"}]}", "(1,89): tables.t.indexes[0].method is \"gin\", but PostgreSQL supports unique indexes only with btree")]
        public void Rejects_with_one_sentence_that_names_the_place(string table, string expected)
        {
            var json = table.StartsWith('!') ? table.Substring(1) : "{\"tables\": {\"t\": " + table + "}}";

            var error = Assert.Throws<RegistryFormatException>(() => RegistryJson.Parse(json, "registry.json"));

            Assert.Equal("registry.json " + expected, error.Message);
        }
    }
}
