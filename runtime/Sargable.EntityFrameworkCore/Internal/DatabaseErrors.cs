using System;
using System.Data.Common;
using System.Globalization;

namespace Sargable.Internal
{
    /// <summary>
    /// Describes a database or driver failure without its text. Server messages, details, hints and where-lines quote
    /// the values that caused them (PostgreSQL's <c>invalid input syntax for type bigint: "..."</c>, a unique
    /// violation's <c>Key (name)=(...)</c>), so only the error's code and a fixed description ever leave the guard.
    /// </summary>
    internal static class DatabaseErrors
    {
        /// <summary>"SQLSTATE 22P02 (data exception)", "SQLite error 19 (constraint violation)", or the exception's type.</summary>
        public static string Describe(Exception error)
        {
            ArgumentNullException.ThrowIfNull(error);
            if (error is DbException database)
            {
                if (database.SqlState is { Length: 5 } state && IsCode(state))
                {
                    return $"SQLSTATE {state} ({SqlStateClass(state)})";
                }

                // Microsoft.Data.Sqlite has no SQLSTATE; its ErrorCode is SQLite's result code.
                if (database.GetType().FullName == "Microsoft.Data.Sqlite.SqliteException")
                {
                    var code = database.ErrorCode & 0xFF;
                    return $"SQLite error {code.ToString(CultureInfo.InvariantCulture)} ({SqliteResult(code)})";
                }

                return $"{database.GetType().Name} (a database error; its text is not copied)";
            }

            return error.GetType().Name;
        }

        private static bool IsCode(string state)
        {
            foreach (var c in state)
            {
                if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        // The SQLSTATE classes of PostgreSQL's appendix A (and the SQL standard); the class is the first two characters.
        private static string SqlStateClass(string state) => state[..2] switch
        {
            "08" => "connection exception",
            "0A" => "feature not supported",
            "21" => "cardinality violation",
            "22" => "data exception: a value does not fit its type or function",
            "23" => "integrity constraint violation",
            "25" => "invalid transaction state",
            "28" => "invalid authorization",
            "3B" => "savepoint exception",
            "40" => "transaction rollback",
            "42" => "syntax error or access rule violation",
            "53" => "insufficient resources",
            "54" => "program limit exceeded",
            "55" => "object not in prerequisite state",
            "57" => "operator intervention, for example a cancelled statement or a timeout",
            "58" => "system error",
            "P0" => "PL/pgSQL error",
            "XX" => "internal error",
            _ => "database error",
        };

        private static string SqliteResult(int code) => code switch
        {
            1 => "SQL error",
            5 => "database busy",
            6 => "table locked",
            7 => "out of memory",
            8 => "read-only database",
            9 => "interrupted",
            10 => "I/O error",
            11 => "database corrupt",
            13 => "database full",
            17 => "schema changed",
            18 => "too big",
            19 => "constraint violation",
            20 => "datatype mismatch",
            25 => "parameter index out of range",
            _ => "database error",
        };
    }
}
