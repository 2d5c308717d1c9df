using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sargable.Json;

namespace Sargable.Baselines
{
    /// <summary>
    /// <c>sargable.baseline.json</c>: the findings accepted when Sargable was adopted, as counts per
    /// <see cref="BaselineKey"/>. Written sorted, two-space indented and newline-terminated so a diff of it is reviewable;
    /// read by <c>sargable analyze</c>, <c>sargable check-sql</c>, the analyzers (as an AdditionalFile) and the guard.
    /// </summary>
    public sealed class BaselineFile
    {
        /// <summary>The format version this code writes and reads.</summary>
        public const int FormatVersion = 1;

        private readonly SortedDictionary<BaselineKey, int> counts;

        /// <summary>Creates a baseline from keys; a key given N times gets count N.</summary>
        public BaselineFile(IEnumerable<BaselineKey> keys)
        {
            counts = new SortedDictionary<BaselineKey, int>();
            foreach (var key in keys ?? throw new ArgumentNullException(nameof(keys)))
            {
                counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        private BaselineFile(SortedDictionary<BaselineKey, int> counts) => this.counts = counts;

        /// <summary>The accepted findings with their counts, in file order.</summary>
        public IReadOnlyDictionary<BaselineKey, int> Counts => counts;

        /// <summary>How many findings the baseline accepts in all.</summary>
        public int Total => counts.Values.Sum();

        /// <summary>True when the baseline holds an entry with this rule and SQL fingerprint, whatever its path (the guard has no file).</summary>
        public bool ContainsSql(string ruleId, string fingerprint) =>
            counts.Keys.Any(k => string.Equals(k.RuleId, ruleId, StringComparison.OrdinalIgnoreCase) && string.Equals(k.Fingerprint, fingerprint, StringComparison.Ordinal));

        /// <summary>A fresh matcher: each accepted finding can be matched as many times as its count.</summary>
        public BaselineBudget NewBudget() => new(counts);

        /// <summary>Reads a baseline; <paramref name="source"/> names the file in error messages.</summary>
        /// <exception cref="BaselineFormatException">The text is not a baseline file.</exception>
        public static BaselineFile Parse(string text, string source)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            JsonNode root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (JsonReaderException error)
            {
                throw new BaselineFormatException($"{source}{error.Position}: {error.Message.TrimEnd('.')}");
            }

            if (root is not JsonObject document)
            {
                throw Problem(source, root, "the baseline must be a JSON object with \"version\" and \"findings\"");
            }

            var version = document.Find("version")?.Value;
            if (version is not JsonNumber { Text: var versionText } || versionText != FormatVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw Problem(source, version ?? document, $"\"version\" must be {FormatVersion}");
            }

            if (document.Find("findings")?.Value is not JsonArray findings)
            {
                throw Problem(source, document, "\"findings\" must be an array");
            }

            var counts = new SortedDictionary<BaselineKey, int>();
            foreach (var item in findings.Items)
            {
                if (item is not JsonObject entry)
                {
                    throw Problem(source, item, "each finding must be an object with \"rule\", \"path\", \"fingerprint\" and \"count\"");
                }

                var rule = RequiredString(source, entry, "rule");
                if (!RuleIdFormat.IsWellFormed(rule))
                {
                    throw Problem(source, entry, $"\"rule\" must be a rule ID like {RuleIdFormat.Format(1)}, not '{rule}'");
                }

                var key = new BaselineKey(rule, RequiredString(source, entry, "path"), RequiredString(source, entry, "fingerprint"));
                var countNode = entry.Find("count")?.Value;
                if (countNode is not JsonNumber { Text: var countText } ||
                    !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                {
                    throw Problem(source, countNode ?? entry, "\"count\" must be a whole number of at least 1");
                }

                counts[key] = counts.TryGetValue(key, out var existing) ? existing + count : count;
            }

            return new BaselineFile(counts);
        }

        /// <summary>The file's text: sorted entries, two-space indent, ending with a line break.</summary>
        public string ToJson()
        {
            var json = new JsonWriter();
            json.BeginObject().Property("version", FormatVersion).PropertyName("findings").BeginArray();
            foreach (var pair in counts)
            {
                json.BeginObject()
                    .Property("rule", pair.Key.RuleId)
                    .Property("path", pair.Key.Path)
                    .Property("fingerprint", pair.Key.Fingerprint)
                    .Property("count", pair.Value)
                    .EndObject();
            }

            return json.EndArray().EndObject().ToString();
        }

        private static string RequiredString(string source, JsonObject entry, string name) =>
            entry.Find(name)?.Value is JsonString { Value: { Length: > 0 } value } ? value : throw Problem(source, entry, $"\"{name}\" must be a non-empty string");

        private static BaselineFormatException Problem(string source, JsonNode node, string problem) =>
            new($"{source}{node.Position}: {problem} (at {node.Path})");
    }
}
