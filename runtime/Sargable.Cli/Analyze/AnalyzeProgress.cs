using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Sargable.Cli.Analyze
{
    /// <summary>
    /// Progress of a long <c>analyze</c> run on standard error: one redrawn bar line on a terminal, plain
    /// <c>sargable: ...</c> lines otherwise (CI logs, pipes), each with the elapsed time.
    /// </summary>
    internal sealed class AnalyzeProgress
    {
        private const int BarWidth = 24;

        private readonly TextWriter error;
        private readonly bool terminal;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int drawn;

        public AnalyzeProgress(TextWriter error, bool terminal)
        {
            this.error = error;
            this.terminal = terminal;
        }

        public TimeSpan Elapsed => clock.Elapsed;

        /// <summary>A step of <paramref name="total"/> (0 when the total is not known yet).</summary>
        public void Report(int done, int total, string text)
        {
            var seconds = clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            if (!terminal)
            {
                var count = total > 0 ? $" ({done}/{total})" : string.Empty;
                error.WriteLine($"sargable: {text}{count}, {seconds} s");
                return;
            }

            var filled = total > 0 ? Math.Min(BarWidth, done * BarWidth / total) : 0;
            var bar = "[" + new string('#', filled) + new string('-', BarWidth - filled) + "]";
            var line = $"{bar} {done}/{Math.Max(total, done)} {text} ({seconds} s)";
            if (line.Length > 110)
            {
                line = line.Substring(0, 107) + "...";
            }

            error.Write("\r" + line.PadRight(drawn));
            drawn = line.Length;
            error.Flush();
        }

        /// <summary>A message that must stay visible (a restore, a failed project): clears the bar first.</summary>
        public void Say(string text)
        {
            Clear();
            error.WriteLine("sargable: " + text);
        }

        /// <summary>Removes the bar so the report starts on a clean line.</summary>
        public void Clear()
        {
            if (terminal && drawn > 0)
            {
                error.Write("\r" + new string(' ', drawn) + "\r");
                error.Flush();
                drawn = 0;
            }
        }
    }
}
