using System;
using System.CommandLine;
using System.Linq;
using Sargable.Cli.Reports;

namespace Sargable.Cli
{
    /// <summary><c>sargable rules</c>: every rule with its default severity, title and help link.</summary>
    internal static class RulesCommand
    {
        public static Command Build(CliConsole console)
        {
            var command = new Command("rules", "List every Sargable rule: ID, default severity, title and help link.");
            command.SetAction(_ =>
            {
                var rows = RuleCatalog.All.Select(r => (r.Id, Severity: SeverityNames.Name(r.DefaultSeverity), r.Title, r.HelpLink)).ToList();
                var idWidth = Math.Max("ID".Length, rows.Max(r => r.Id.Length));
                var severityWidth = Math.Max("SEVERITY".Length, rows.Max(r => r.Severity.Length));
                var titleWidth = Math.Max("TITLE".Length, rows.Max(r => r.Title.Length));
                console.Output.WriteLine($"{"ID".PadRight(idWidth)}  {"SEVERITY".PadRight(severityWidth)}  {"TITLE".PadRight(titleWidth)}  HELP");
                foreach (var row in rows)
                {
                    console.Output.WriteLine($"{row.Id.PadRight(idWidth)}  {row.Severity.PadRight(severityWidth)}  {row.Title.PadRight(titleWidth)}  {row.HelpLink}");
                }

                return ExitCodes.Success;
            });
            return command;
        }
    }
}
