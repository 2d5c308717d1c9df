using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Sargable.Cli.Analyze
{
    /// <summary>
    /// Projects that were never restored (a fresh clone) cannot be loaded: their references are unknown. <c>analyze</c>
    /// restores them first with <c>dotnet restore</c> unless <c>--no-restore</c> is given, as <c>dotnet build</c> would.
    /// </summary>
    internal static class ProjectRestore
    {
        /// <summary>The project files without <c>obj/project.assets.json</c>.</summary>
        public static IReadOnlyList<string> Unrestored(ProjectFiles files) =>
            files.Projects.Where(p => File.Exists(p) && !File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "obj", "project.assets.json"))).ToList();

        /// <summary>Runs <c>dotnet restore ENTRY</c>; returns null on success, else the last lines of its output.</summary>
        public static async Task<string?> RunAsync(string entry, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(MsBuildRegistration.DotNetExecutable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(entry)!,
            };
            start.ArgumentList.Add("restore");
            start.ArgumentList.Add(entry);
            start.ArgumentList.Add("--verbosity");
            start.ArgumentList.Add("quiet");
            start.ArgumentList.Add("-nologo");

            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet restore did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode == 0)
            {
                return null;
            }

            var lines = ((await output.ConfigureAwait(false)) + "\n" + (await error.ConfigureAwait(false)))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return string.Join(Environment.NewLine, lines.TakeLast(5));
        }
    }
}
