using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Sargable.Analyzers.Tests.Verifiers
{
    /// <summary>An expected diagnostic from markup: its rule (null for the rule under test) and span.</summary>
    public sealed record ExpectedSpan(string? RuleId, TextSpan Span);

    /// <summary>
    /// The usual analyzer-test markup: <c>[|...|]</c> marks a diagnostic of the rule under test,
    /// <c>{|SARG0003:...|}</c> one of a named rule. Marks may nest (several rules on one span).
    /// </summary>
    public static class Markup
    {
        public static (string Source, List<ExpectedSpan> Spans) Parse(string markup)
        {
            var text = new StringBuilder(markup.Length);
            var spans = new List<ExpectedSpan>();
            var open = new Stack<(int Start, string? Rule)>();
            var i = 0;
            while (i < markup.Length)
            {
                if (Starts(markup, i, "[|"))
                {
                    open.Push((text.Length, null));
                    i += 2;
                }
                else if (Starts(markup, i, "{|") && markup.IndexOf(':', i) is var colon && colon > i + 2 && IsRuleId(markup.Substring(i + 2, colon - i - 2)))
                {
                    open.Push((text.Length, markup.Substring(i + 2, colon - i - 2)));
                    i = colon + 1;
                }
                else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
                {
                    if (open.Count == 0)
                    {
                        throw new InvalidOperationException($"Markup closes a span at offset {i} that was never opened.");
                    }

                    var (start, rule) = open.Pop();
                    if ((markup[i + 1] == ']') != (rule is null))
                    {
                        throw new InvalidOperationException($"Markup at offset {i} closes '{(rule is null ? "[|" : "{|" + rule + ":")}' with '{markup.Substring(i, 2)}'.");
                    }

                    spans.Add(new ExpectedSpan(rule, TextSpan.FromBounds(start, text.Length)));
                    i += 2;
                }
                else
                {
                    text.Append(markup[i]);
                    i++;
                }
            }

            if (open.Count > 0)
            {
                throw new InvalidOperationException("Markup leaves a span open.");
            }

            return (text.ToString(), spans);
        }

        private static bool Starts(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

        private static bool IsRuleId(string text)
        {
            if (text.Length < 2)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
