using System;
using System.Globalization;
using System.Text;
using Sargable.Registry;

namespace Sargable.Core.Tests.Registry
{
    /// <summary>
    /// A large registry (20,000 tables with 10 indexes each, 13 MB) loads in memory proportional to the file: at most
    /// five times its size held once loaded, text included. Memory, not time, so it is a unit test.
    /// </summary>
    /// <remarks>
    /// The heap is process-wide: tests running beside this one allocate into the same measurement (a run on a busy machine
    /// read 5.1x), so it runs alone in its collection.
    /// </remarks>
    [Collection(nameof(RegistryMemoryCollection))]
    public sealed class RegistryJsonMemoryTests
    {
        private const int Tables = 20_000;
        private const int IndexesPerTable = 10;

        [Fact]
        public void Loading_a_13_MB_registry_holds_at_most_five_times_its_size_in_memory()
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var json = LargeRegistry();
            var size = Encoding.UTF8.GetByteCount(json);
            Assert.InRange(size, 12_000_000, 14_000_000);

            var registry = RegistryJson.Parse(json, "large.json");
            var held = GC.GetTotalMemory(forceFullCollection: true) - before;

            Assert.Equal(Tables, registry.Tables.Count);
            Assert.Equal(IndexesPerTable, registry.Tables[0].Indexes.Count);
            GC.KeepAlive(json);
            // The text itself (UTF-16, twice the file) is part of what loading holds.
            Assert.True(held <= 5L * size, $"a {size:N0}-byte registry holds {held:N0} bytes once loaded ({(double)held / size:F1}x its size)");
        }

        /// <summary>
        /// One line per index, as a generator or a hand-kept file writes it: an id primary key and composite indexes over
        /// column names that recur from table to table.
        /// </summary>
        private static string LargeRegistry()
        {
            string[] columns = ["project_id", "environment_id", "created_at", "updated_at", "status", "user_id", "name", "sha"];
            var json = new StringBuilder(14_000_000).Append("{\n  \"version\": 1,\n  \"tables\": {\n");
            for (var t = 0; t < Tables; t++)
            {
                json.Append("\"tbl_").Append(t.ToString("D5", CultureInfo.InvariantCulture)).Append("\":{\"indexes\":[\n");
                for (var i = 0; i < IndexesPerTable; i++)
                {
                    if (i == 0)
                    {
                        json.Append("{\"name\":\"tbl_").Append(t).Append("_pkey\",\"columns\":[\"id\"],\"primaryKey\":true}");
                    }
                    else
                    {
                        json.Append("{\"name\":\"tbl_").Append(t).Append("_ix").Append(i).Append("\",\"columns\":[\"")
                            .Append(columns[i % columns.Length]).Append("\",\"").Append(columns[(i + 3) % columns.Length]).Append("\",\"id\"]}");
                    }

                    json.Append(i < IndexesPerTable - 1 ? ",\n" : "\n");
                }

                json.Append(t < Tables - 1 ? "]},\n" : "]}\n");
            }

            return json.Append("  }\n}\n").ToString();
        }
    }

    /// <summary>Runs <see cref="RegistryJsonMemoryTests"/> with no other test of the assembly at the same time.</summary>
    [CollectionDefinition(nameof(RegistryMemoryCollection), DisableParallelization = true)]
    public sealed class RegistryMemoryCollection
    {
    }
}
