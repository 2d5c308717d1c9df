using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using Sargable.Registry;

namespace Sargable
{
    /// <summary>
    /// Configures the runtime guard inside <c>UseSargable(b => ...)</c>. Registry sources combine: the EF Core model (on
    /// by default), the live catalog, registry JSON files and entries given in code all add indexes to one registry.
    /// </summary>
    public sealed class SargableOptionsBuilder
    {
        private readonly List<string> registryFiles;
        private readonly List<IndexRegistry> registries;
        private readonly List<string> smallTables;
        private readonly Dictionary<string, List<IndexDefinition>> codeIndexes = new(StringComparer.OrdinalIgnoreCase);
        private SargableOptions options;

        /// <summary>A builder starting from the default options.</summary>
        public SargableOptionsBuilder()
            : this(SargableOptions.Default)
        {
        }

        /// <summary>A builder starting from <paramref name="options"/>.</summary>
        public SargableOptionsBuilder(SargableOptions options)
        {
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            registryFiles = options.RegistryFiles.ToList();
            registries = options.Registries.ToList();
            smallTables = options.SmallTables.ToList();
        }

        /// <summary>Off, Log (production: the query runs, each finding is logged once) or Throw (development, tests, CI).</summary>
        public SargableOptionsBuilder Mode(SargableMode mode)
        {
            if (!Enum.IsDefined(mode))
            {
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use SargableMode.Off, Log or Throw.");
            }

            options = new SargableOptions(options) { Mode = mode };
            return this;
        }

        /// <summary>Whether keys, indexes and unique constraints of the EF Core model are allowed indexes (default true).</summary>
        public SargableOptionsBuilder UseModel(bool use = true)
        {
            options = new SargableOptions(options) { UseModel = use };
            return this;
        }

        /// <summary>
        /// Also reads the indexes the database really has (PostgreSQL <c>pg_index</c>, SQLite <c>pragma index_list</c>) and
        /// row estimates (<c>pg_class.reltuples</c>), once per model on the first command's connection. Tables estimated
        /// below the small-table threshold are then exempt from the full-scan rules.
        /// </summary>
        public SargableOptionsBuilder IncludeDatabaseCatalog(bool include = true)
        {
            options = new SargableOptions(options) { UseDatabaseCatalog = include };
            return this;
        }

        /// <summary>Merges a registry JSON file (docs/registry.md); read once per model, a broken file fails the first command.</summary>
        public SargableOptionsBuilder UseRegistryFile(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("A registry file path is needed.", nameof(path));
            }

            registryFiles.Add(path);
            return this;
        }

        /// <summary>
        /// Reads a baseline file (<c>sargable.baseline.json</c>, docs/baseline.md) once, on the first checked command: a
        /// finding whose rule and normalized SQL are in it is logged at Debug and never thrown or logged as a finding.
        /// A file that is missing or broken fails that first command with a message naming it.
        /// </summary>
        public SargableOptionsBuilder UseBaselineFile(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("A baseline file path is needed.", nameof(path));
            }

            options = new SargableOptions(options) { BaselineFile = path };
            return this;
        }

        /// <summary>Merges a registry built in code.</summary>
        public SargableOptionsBuilder UseRegistry(IndexRegistry registry)
        {
            registries.Add(registry ?? throw new ArgumentNullException(nameof(registry)));
            return this;
        }

        /// <summary>Allows an index on <paramref name="table"/> over <paramref name="columns"/> in order (append " DESC" for a descending column).</summary>
        public SargableOptionsBuilder AllowIndex(string table, params string[] columns) => AddIndex(table, unique: false, columns);

        /// <summary>Allows a unique index on <paramref name="table"/> over <paramref name="columns"/> in order.</summary>
        public SargableOptionsBuilder AllowUniqueIndex(string table, params string[] columns) => AddIndex(table, unique: true, columns);

        /// <summary>Marks tables as small: exempt from the full-scan rules SARG0001 and SARG0006 whatever their estimate.</summary>
        public SargableOptionsBuilder SmallTable(params string[] tables)
        {
            foreach (var table in tables ?? throw new ArgumentNullException(nameof(tables)))
            {
                if (string.IsNullOrWhiteSpace(table))
                {
                    throw new ArgumentException("A small table needs a name.", nameof(tables));
                }

                smallTables.Add(table);
            }

            return this;
        }

        /// <summary>Tables estimated below this many rows (catalog or registry file) are small. Default 1,000.</summary>
        public SargableOptionsBuilder SmallTableRows(long rows)
        {
            if (rows < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), rows, "The small-table threshold cannot be negative.");
            }

            options = new SargableOptions(options) { SmallTableRows = rows };
            return this;
        }

        /// <summary>Replaces the rule options (thresholds, severities, disabled rules) shared with the CLI and analyzers.</summary>
        public SargableOptionsBuilder Rules(RuleOptions rules)
        {
            options = new SargableOptions(options) { Rules = rules ?? throw new ArgumentNullException(nameof(rules)) };
            return this;
        }

        /// <summary>Switches rules off entirely (rather than per query or per scope).</summary>
        public SargableOptionsBuilder DisableRule(params string[] ruleIds)
        {
            foreach (var id in ruleIds ?? throw new ArgumentNullException(nameof(ruleIds)))
            {
                RuleCatalog.Get(id);
            }

            var rules = options.Rules;
            options = new SargableOptions(options)
            {
                Rules = new RuleOptions
                {
                    OffsetThreshold = rules.OffsetThreshold,
                    Severities = rules.Severities,
                    DisabledRules = rules.DisabledRules.Concat(ruleIds).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                },
            };
            return this;
        }

        /// <summary>A constant OFFSET above this is SARG0008 (a parameter OFFSET always is). Default 1,000.</summary>
        public SargableOptionsBuilder OffsetThreshold(int rows)
        {
            if (rows < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), rows, "The OFFSET threshold cannot be negative.");
            }

            var rules = options.Rules;
            options = new SargableOptions(options)
            {
                Rules = new RuleOptions { OffsetThreshold = rows, Severities = rules.Severities, DisabledRules = rules.DisabledRules },
            };
            return this;
        }

        /// <summary>
        /// Inside a <see cref="SargableScope.Begin"/> scope, one statement executed more than this many times with
        /// different parameters is N+1 (SARG0004). Default 5.
        /// </summary>
        public SargableOptionsBuilder NPlusOneThreshold(int executions)
        {
            if (executions < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(executions), executions, "The N+1 threshold must be at least 1.");
            }

            options = new SargableOptions(options) { NPlusOneThreshold = executions };
            return this;
        }

        /// <summary>
        /// The first time each statement runs, asks the database for its plan with the same parameters and transaction
        /// (PostgreSQL <c>EXPLAIN (FORMAT JSON)</c>, SQLite <c>EXPLAIN QUERY PLAN</c>) and reports sequential scans of
        /// large tables and sorts under a LIMIT next to the registry's verdict. For tests and staging.
        /// </summary>
        public SargableOptionsBuilder VerifyWithExplain(bool verify = true)
        {
            options = new SargableOptions(options) { VerifyWithExplain = verify };
            return this;
        }

        /// <summary>How many distinct statements keep their verdict (default 10,000); memory stays bounded by this.</summary>
        public SargableOptionsBuilder CacheCapacity(int statements)
        {
            if (statements < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(statements), statements, "The verdict cache needs room for at least 2 statements.");
            }

            options = new SargableOptions(options) { CacheCapacity = statements };
            return this;
        }

        /// <summary>A statement the parser cannot read fails in Throw mode and is a warning in Log mode (default: logged once, never breaks the query).</summary>
        public SargableOptionsBuilder Strict(bool strict = true)
        {
            options = new SargableOptions(options) { Strict = strict };
            return this;
        }

        /// <summary>Sends the guard's log entries (category "Sargable") here instead of EF Core's logger factory.</summary>
        public SargableOptionsBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
        {
            options = new SargableOptions(options) { LoggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory)) };
            return this;
        }

        /// <summary>The options as configured so far.</summary>
        public SargableOptions Build()
        {
            var all = registries.ToList();
            if (codeIndexes.Count > 0)
            {
                all.Add(new IndexRegistry(codeIndexes.Select(t => new RegisteredTable(t.Key, t.Value))));
            }

            return new SargableOptions(options)
            {
                RegistryFiles = registryFiles.ToArray(),
                Registries = all.ToArray(),
                SmallTables = smallTables.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            };
        }

        private SargableOptionsBuilder AddIndex(string table, bool unique, string[] columns)
        {
            if (string.IsNullOrWhiteSpace(table))
            {
                throw new ArgumentException("An index needs a table name.", nameof(table));
            }

            if (columns is null || columns.Length == 0 || columns.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException($"An index on {table} needs one or more column names.", nameof(columns));
            }

            var keys = columns.Select(ParseColumn).ToList();
            var name = "sargable_code_" + table + "_" + string.Join("_", keys.Select(k => k.Name)) + (unique ? "_unique" : string.Empty);
            if (!codeIndexes.TryGetValue(table, out var list))
            {
                codeIndexes[table] = list = new List<IndexDefinition>();
            }

            list.Add(new IndexDefinition(name, keys, unique));
            return this;
        }

        private static IndexColumn ParseColumn(string column)
        {
            var text = column.Trim();
            if (text.EndsWith(" DESC", StringComparison.OrdinalIgnoreCase))
            {
                return new IndexColumn(text.Substring(0, text.Length - 5).TrimEnd(), descending: true);
            }

            if (text.EndsWith(" ASC", StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(0, text.Length - 4).TrimEnd();
            }

            return new IndexColumn(text);
        }
    }
}
