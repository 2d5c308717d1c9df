using System;
using System.IO;

namespace Sargable.Cli
{
    /// <summary>
    /// Everything the CLI touches outside itself: standard streams and the directory relative paths start from.
    /// Tests pass their own; <see cref="FromSystem"/> is the real process.
    /// </summary>
    internal sealed class CliConsole
    {
        public CliConsole(TextReader input, TextWriter output, TextWriter error, string workingDirectory, bool inputIsTerminal = false, bool errorIsTerminal = false)
        {
            ErrorIsTerminal = errorIsTerminal;
            Input = input ?? throw new ArgumentNullException(nameof(input));
            Output = output ?? throw new ArgumentNullException(nameof(output));
            Error = error ?? throw new ArgumentNullException(nameof(error));
            WorkingDirectory = workingDirectory ?? throw new ArgumentNullException(nameof(workingDirectory));
            InputIsTerminal = inputIsTerminal;
        }

        /// <summary>Standard input: SQL when no file (or <c>-</c>) is given.</summary>
        public TextReader Input { get; }

        /// <summary>Standard output: the report.</summary>
        public TextWriter Output { get; }

        /// <summary>Standard error: one sentence per problem that stopped the check.</summary>
        public TextWriter Error { get; }

        /// <summary>Relative file paths on the command line are resolved against this directory.</summary>
        public string WorkingDirectory { get; }

        /// <summary>True when standard input is an interactive terminal rather than a pipe or file.</summary>
        public bool InputIsTerminal { get; }

        /// <summary>True when standard error is an interactive terminal: progress is drawn as a bar there, as plain lines otherwise.</summary>
        public bool ErrorIsTerminal { get; }

        public static CliConsole FromSystem() =>
            new(Console.In, Console.Out, Console.Error, Environment.CurrentDirectory, inputIsTerminal: !Console.IsInputRedirected, errorIsTerminal: !Console.IsErrorRedirected);

        /// <summary>The absolute path of a command-line path.</summary>
        public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
    }
}
