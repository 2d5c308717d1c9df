using System;
using System.Collections.Generic;
using System.Text;
using Sargable.Sql;

namespace Sargable.Core.Tests.Sql
{
    /// <summary>
    /// Deterministic generator of hostile SQL: random token soups, mutations of the hand-written corpus, and
    /// pathological nesting. Same seed, same inputs.
    /// </summary>
    internal sealed class SqlFuzzInputs
    {
        private static readonly string[] s_operators =
        {
            "=", "<>", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "^", "||", "->", "->>", "#>", "#>>", "@>", "<@",
            "&&", "?", "?|", "?&", "&", "|", "#", "<<", ">>", "~", "~*", "!~", "!~*", "@@", "=>", "::", ":=", ":", "@", "!",
            "-|-", "@?", "#-", "|/", "<->",
        };

        private static readonly string[] s_punctuation = { "(", ")", "(", ")", "[", "]", ",", ",", ";", ".", ".*" };

        private static readonly string[] s_literals =
        {
            "0", "1", "42", "-1", "3.14", ".5", "1e10", "1.5E-3", "0x1F", "0b101", "0o17", "1_000", "99999999999999999999",
            "'text'", "'it''s'", "''", "E'a\\tb'", "E'\\u00e9'", "E'\\U0001F600'", "E'\\xZZ'", "U&'d\\0061t'", "U&'\\+01F600'",
            "$$dollar$$", "$tag$ x $tag$", "B'0101'", "X'1F'", "N'n'", "TRUE", "FALSE", "NULL",
            "'unterminated", "E'unterminated\\'", "$$never closed", "\"unterminated", "/* open comment", "U&'\\zzzz'",
            "U&\"\\0041\"", "\"\"", "[bracket]", "`tick`", "\"Quoted\"\"Name\"",
        };

        private static readonly string[] s_parameters = { "@p", "@p0", "@__ids_0", "$1", "$2", "$0", "$99999999999", ":name", "?", "$", "@", "$a" };

        private static readonly string[] s_identifiers =
        {
            "d", "deployments", "environments", "project_id", "id", "name", "status", "ref", "sha", "iid", "value", "key", "type",
            "position", "time", "date", "data", "level", "x", "t", "\u00e9t\u00e9", "\u540d\u524d", "a$b", "_u",
        };

        private static readonly string[] s_garbage =
        {
            "\0", "\u0001", "\\", "{", "}", "\u00a0", "\ufeff", "\ud83d\ude00", "\ud800", "\udc00", "\u2028", "\r", "\n", "\t",
            "--", "/*", "*/", "$$", "'", "\"", "`", "]", "[",
        };

        private readonly Random _random;
        private readonly string[] _keywords;
        private readonly IReadOnlyList<string> _corpus;

        public SqlFuzzInputs(int seed, IReadOnlyList<string> corpus)
        {
            _random = new Random(seed);
            _corpus = corpus;
            var entries = SqlKeywords.Entries();
            _keywords = new string[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                _keywords[i] = _random.Next(2) == 0 ? entries[i].Text.ToUpperInvariant() : entries[i].Text;
            }
        }

        /// <summary>The next input: mostly corpus mutations, then token soups, then deep-nesting shapes.</summary>
        public string Next()
        {
            var roll = _random.Next(100);
            if (roll < 55)
            {
                return MutateCorpus();
            }

            if (roll < 93)
            {
                return TokenSoup(_random.Next(1, 40));
            }

            return Pathological();
        }

        public string TokenSoup(int count)
        {
            var builder = new StringBuilder();
            if (_random.Next(3) == 0)
            {
                builder.Append(Pick("SELECT ", "WITH ", "INSERT INTO t ", "UPDATE t SET ", "DELETE FROM ", "CREATE TABLE t (", "CREATE INDEX ON t (", "VALUES ("));
            }

            for (var i = 0; i < count; i++)
            {
                builder.Append(RandomToken());
                builder.Append(RandomSeparator());
            }

            return builder.ToString();
        }

        private string RandomToken()
        {
            switch (_random.Next(12))
            {
                case 0:
                case 1:
                case 2:
                    return _keywords[_random.Next(_keywords.Length)];
                case 3:
                case 4:
                    return s_identifiers[_random.Next(s_identifiers.Length)];
                case 5:
                    return s_operators[_random.Next(s_operators.Length)];
                case 6:
                case 7:
                    return s_punctuation[_random.Next(s_punctuation.Length)];
                case 8:
                    return s_literals[_random.Next(s_literals.Length)];
                case 9:
                    return s_parameters[_random.Next(s_parameters.Length)];
                case 10:
                    return s_garbage[_random.Next(s_garbage.Length)];
                default:
                    return ((char)_random.Next(0, 0x10000)).ToString();
            }
        }

        private string RandomSeparator() => _random.Next(10) switch
        {
            0 => string.Empty,
            1 => "\n",
            2 => " -- c\n",
            3 => "/* c */",
            _ => " ",
        };

        private string MutateCorpus()
        {
            var text = _corpus[_random.Next(_corpus.Count)];
            var mutations = _random.Next(1, 5);
            for (var i = 0; i < mutations; i++)
            {
                text = Mutate(text);
            }

            return text;
        }

        private string Mutate(string text)
        {
            var tokens = TokenSpans(text);
            switch (_random.Next(9))
            {
                case 0 when tokens.Count > 0:
                    {
                        var (start, length) = tokens[_random.Next(tokens.Count)];
                        return text.Remove(start, length);
                    }

                case 1 when tokens.Count > 0:
                    {
                        var (start, length) = tokens[_random.Next(tokens.Count)];
                        return text.Insert(start, text.Substring(start, length) + " ");
                    }

                case 2 when tokens.Count > 1:
                    {
                        var a = tokens[_random.Next(tokens.Count)];
                        var b = tokens[_random.Next(tokens.Count)];
                        if (a.Start > b.Start)
                        {
                            (a, b) = (b, a);
                        }

                        if (a.Start + a.Length > b.Start)
                        {
                            return text;
                        }

                        return text.Substring(0, a.Start) + text.Substring(b.Start, b.Length)
                            + text.Substring(a.Start + a.Length, b.Start - a.Start - a.Length)
                            + text.Substring(a.Start, a.Length) + text.Substring(b.Start + b.Length);
                    }

                case 3:
                    {
                        var at = tokens.Count > 0 ? tokens[_random.Next(tokens.Count)].Start : 0;
                        return text.Insert(at, RandomToken() + " ");
                    }

                case 4 when text.Length > 0:
                    {
                        var start = _random.Next(text.Length);
                        return text.Remove(start, Math.Min(text.Length - start, _random.Next(1, 8)));
                    }

                case 5:
                    return text.Insert(_random.Next(text.Length + 1), s_garbage[_random.Next(s_garbage.Length)]);
                case 6 when text.Length > 0:
                    return text.Substring(0, _random.Next(text.Length));
                case 7 when text.Length > 0:
                    {
                        var chars = text.ToCharArray();
                        chars[_random.Next(chars.Length)] = (char)_random.Next(32, 127);
                        return new string(chars);
                    }

                default:
                    return text + " " + RandomToken();
            }
        }

        private static List<(int Start, int Length)> TokenSpans(string text)
        {
            var spans = new List<(int, int)>();
            var lexer = new SqlLexer(text, 0, text.Length, 1, 1, tolerant: true, collectComments: false);
            while (true)
            {
                var token = lexer.Next();
                if (token.Kind == SqlTokenKind.EndOfInput)
                {
                    return spans;
                }

                spans.Add((token.Start, token.Length));
            }
        }

        /// <summary>Shapes that attack recursion and lookahead: deep parentheses, long chains, repeated prefixes.</summary>
        private string Pathological()
        {
            var n = _random.Next(1, 700);
            var unit = Pick(
                "(", "((SELECT ", "NOT ", "- ", "~ ", "ARRAY[", "ARRAY[[", "CASE WHEN ", "(SELECT (", "EXISTS (SELECT ",
                "a + ", "a || ", "a AND ", "a OR ", "x::int", "[1]", "a JOIN b ON true ", "SELECT 1 UNION ", "f(", "ROW(",
                "WITH x AS (", "IN (", "a IS NULL ", "COALESCE(", "(a, ", "LATERAL (SELECT * FROM ");
            var builder = new StringBuilder(Pick("SELECT ", "SELECT * FROM t WHERE ", "SELECT * FROM ", string.Empty));
            for (var i = 0; i < n; i++)
            {
                builder.Append(unit);
            }

            if (_random.Next(2) == 0)
            {
                builder.Append(Pick("1", "a", "t", "SELECT 1"));
                var closer = Pick(")", "]", " END", string.Empty);
                for (var i = 0; i < n; i++)
                {
                    builder.Append(closer);
                }
            }

            return builder.ToString();
        }

        private string Pick(params string[] options) => options[_random.Next(options.Length)];
    }
}
