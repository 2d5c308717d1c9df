using System;
using System.Diagnostics;
using System.Reflection;

namespace Sargable.Internal
{
    /// <summary>Finds the first frame of application code on the stack: the code that issued a statement.</summary>
    internal static class CallSites
    {
        private static readonly Assembly Self = typeof(CallSites).Assembly;

        private static readonly string[] FrameworkPrefixes =
        [
            "System.", "System,", "Microsoft.", "Npgsql", "SQLitePCL", "xunit", "mscorlib", "netstandard", "Sargable.Core",
        ];

        /// <summary>"Type.Method in File:line", or null when no application frame is on the stack.</summary>
        public static string? FirstApplicationFrame()
        {
            var trace = new StackTrace(1, fNeedFileInfo: true);
            foreach (var frame in trace.GetFrames())
            {
                var method = frame.GetMethod();
                var type = method?.DeclaringType;
                if (method is null || type is null || type.Assembly == Self || IsFramework(type.Assembly))
                {
                    continue;
                }

                var (owner, name) = Unmangle(type, method.Name);
                var file = frame.GetFileName();
                return file is null
                    ? $"{owner}.{name}"
                    : $"{owner}.{name} in {file}:{frame.GetFileLineNumber()}";
            }

            return null;
        }

        private static bool IsFramework(Assembly assembly)
        {
            var name = assembly.GetName().Name ?? string.Empty;
            foreach (var prefix in FrameworkPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal) || name == prefix.TrimEnd('.', ','))
                {
                    return true;
                }
            }

            return false;
        }

        // Async methods run as MoveNext of a compiler-generated "<Method>d__N" type nested in the real one; lambdas are
        // "<Method>b__N_M" methods of a "<>c" class. Report the method a developer wrote.
        private static (string Owner, string Name) Unmangle(Type type, string method)
        {
            var name = method;
            while (type.Name.StartsWith('<') && type.DeclaringType is { } outer)
            {
                var end = type.Name.IndexOf('>', StringComparison.Ordinal);
                if (end > 1)
                {
                    name = type.Name.Substring(1, end - 1);
                }

                type = outer;
            }

            if (name.StartsWith('<'))
            {
                var end = name.IndexOf('>', StringComparison.Ordinal);
                if (end > 1)
                {
                    name = name.Substring(1, end - 1);
                }
            }

            return (type.FullName ?? type.Name, name);
        }
    }
}
