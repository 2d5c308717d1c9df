using System.Collections.Generic;

namespace Sargable.Sql
{
    /// <summary>
    /// The SQL/XML forms of PostgreSQL's grammar (<c>func_expr_common_subexpr</c> and <c>xmltable</c> in gram.y): XMLCONCAT,
    /// XMLELEMENT, XMLEXISTS, XMLFOREST, XMLPARSE, XMLPI, XMLROOT, XMLSERIALIZE, <c>IS [NOT] DOCUMENT</c> and XMLTABLE.
    /// XMLCONCAT and XMLEXISTS become plain calls, as PostgreSQL makes them (so does <c>IS DOCUMENT</c>, read with the other
    /// IS predicates); the others keep their parts in nodes of their own.
    /// </summary>
    internal sealed partial class SqlStatementParser
    {
        /// <summary>An XML keyword before '(': the special form it starts.</summary>
        private SqlExpression ParseXmlFunction(SqlKeyword keyword)
        {
            var startIndex = _pos;
            var name = KeywordName(Current);
            Advance();
            ExpectOpenParen();
            switch (keyword)
            {
                case SqlKeyword.XmlConcat:
                    {
                        var arguments = ParseExpressionList();
                        ExpectCloseParen();
                        return new FunctionCall(SpanFrom(startIndex), name, hasParentheses: true, isStar: false, isDistinct: false, arguments, Empty<OrderByItem>(), Empty<OrderByItem>(), null, null);
                    }

                case SqlKeyword.XmlExists:
                    {
                        // PostgreSQL turns XMLEXISTS(xpath PASSING doc) into xmlexists(xpath, doc); BY REF and BY VALUE change nothing.
                        var xpath = ParseXmlOperand();
                        var document = ParseXmlPassing();
                        ExpectCloseParen();
                        return new FunctionCall(SpanFrom(startIndex), name, hasParentheses: true, isStar: false, isDistinct: false, new[] { xpath, document }, Empty<OrderByItem>(), Empty<OrderByItem>(), null, null);
                    }

                case SqlKeyword.XmlElement:
                    return ParseXmlElementRest(startIndex);
                case SqlKeyword.XmlForest:
                    {
                        var items = ParseXmlNamedArguments("an element name");
                        ExpectCloseParen();
                        return new XmlForestExpression(SpanFrom(startIndex), items);
                    }

                case SqlKeyword.XmlParse:
                    return ParseXmlParseRest(startIndex);
                case SqlKeyword.XmlPi:
                    {
                        ExpectWord("NAME");
                        var target = ParseLabel("a processing instruction name");
                        var content = Accept(SqlTokenKind.Comma) ? ParseExpression() : null;
                        ExpectCloseParen();
                        return new XmlPiExpression(SpanFrom(startIndex), target, content);
                    }

                case SqlKeyword.XmlRoot:
                    return ParseXmlRootRest(startIndex);
                default:
                    return ParseXmlSerializeRest(startIndex);
            }
        }

        /// <summary>XMLATTRIBUTES, XMLNAMESPACES and XMLTABLE before '(' where an expression is expected: PostgreSQL accepts them nowhere else.</summary>
        private SqlParseException XmlKeywordOutOfPlace(SqlKeyword keyword)
        {
            var problem = keyword switch
            {
                SqlKeyword.XmlAttributes => "XMLATTRIBUTES is only allowed as the second argument of XMLELEMENT",
                SqlKeyword.XmlNamespaces => "XMLNAMESPACES is only allowed as the first argument of XMLTABLE",
                _ => "XMLTABLE is only allowed in FROM",
            };
            return ExpectedAt(_pos, "an expression", problem);
        }

        /// <summary><c>NAME tag [, XMLATTRIBUTES(...)] [, content, ...]</c>, and the closing parenthesis.</summary>
        private XmlElementExpression ParseXmlElementRest(int startIndex)
        {
            ExpectWord("NAME");
            var name = ParseLabel("an element name");
            var attributes = Empty<XmlNamedArgument>();
            var content = new List<SqlExpression>();
            if (Accept(SqlTokenKind.Comma))
            {
                if (IsKeyword(SqlKeyword.XmlAttributes) && PeekIs(1, SqlTokenKind.LeftParen))
                {
                    Advance(2);
                    attributes = ParseXmlNamedArguments("an attribute name");
                    ExpectCloseParen();
                    if (Accept(SqlTokenKind.Comma))
                    {
                        content.AddRange(ParseExpressionList());
                    }
                }
                else
                {
                    content.AddRange(ParseExpressionList());
                }
            }

            ExpectCloseParen();
            return new XmlElementExpression(SpanFrom(startIndex), name, attributes, content.ToArray());
        }

        /// <summary><c>value [AS name], ...</c> of XMLATTRIBUTES and XMLFOREST; the name is any word, and AS is required before it.</summary>
        private XmlNamedArgument[] ParseXmlNamedArguments(string expectedName)
        {
            var items = new List<XmlNamedArgument>(4);
            do
            {
                var itemStart = _pos;
                var value = ParseExpression();
                var name = AcceptKeyword(SqlKeyword.As) ? ParseLabel(expectedName) : null;
                items.Add(new XmlNamedArgument(SpanFrom(itemStart), value, name));
            }
            while (Accept(SqlTokenKind.Comma));
            return items.ToArray();
        }

        private XmlOption ParseXmlOption()
        {
            if (IsWord("DOCUMENT") || IsWord("CONTENT"))
            {
                var option = IsWord("DOCUMENT") ? XmlOption.Document : XmlOption.Content;
                Advance();
                return option;
            }

            throw Expected("'DOCUMENT' or 'CONTENT'");
        }

        /// <summary><c>DOCUMENT|CONTENT text [PRESERVE|STRIP WHITESPACE]</c>.</summary>
        private XmlParseExpression ParseXmlParseRest(int startIndex)
        {
            var option = ParseXmlOption();
            var operand = ParseExpression();
            var preserve = false;
            if (IsWord("PRESERVE") || IsWord("STRIP"))
            {
                preserve = IsWord("PRESERVE");
                Advance();
                ExpectWord("WHITESPACE");
            }

            ExpectCloseParen();
            return new XmlParseExpression(SpanFrom(startIndex), option, operand, preserve);
        }

        /// <summary><c>xml, VERSION version|NO VALUE [, STANDALONE YES|NO|NO VALUE]</c>.</summary>
        private XmlRootExpression ParseXmlRootRest(int startIndex)
        {
            var operand = ParseExpression();
            Expect(SqlTokenKind.Comma, "','");
            ExpectWord("VERSION");
            SqlExpression? version = null;
            if (IsKeyword(SqlKeyword.No) && PeekIsKeyword(1, SqlKeyword.Value))
            {
                Advance(2);
            }
            else
            {
                version = ParseExpression();
            }

            var standalone = XmlStandalone.Omitted;
            if (Accept(SqlTokenKind.Comma))
            {
                ExpectWord("STANDALONE");
                if (IsWord("YES"))
                {
                    Advance();
                    standalone = XmlStandalone.Yes;
                }
                else if (AcceptKeyword(SqlKeyword.No))
                {
                    standalone = AcceptKeyword(SqlKeyword.Value) ? XmlStandalone.NoValue : XmlStandalone.No;
                }
                else
                {
                    throw Expected("'YES', 'NO' or 'NO VALUE'");
                }
            }

            ExpectCloseParen();
            return new XmlRootExpression(SpanFrom(startIndex), operand, version, standalone);
        }

        /// <summary><c>DOCUMENT|CONTENT xml AS type [[NO] INDENT]</c>; the type is PostgreSQL's SimpleTypename, so no array.</summary>
        private XmlSerializeExpression ParseXmlSerializeRest(int startIndex)
        {
            var option = ParseXmlOption();
            var operand = ParseExpression();
            ExpectKeyword(SqlKeyword.As);
            var typeStart = _pos;
            var type = ParseDataType();
            if (type.IsArray)
            {
                var bracket = typeStart;
                while (_tokens[bracket].Kind != SqlTokenKind.LeftBracket && !_tokens[bracket].IsKeyword(SqlKeyword.Array))
                {
                    bracket++;
                }

                throw ExpectedAt(bracket, "'INDENT', 'NO INDENT' or ')'", "XMLSERIALIZE produces a string type, not an array");
            }

            var indent = false;
            if (IsWord("INDENT"))
            {
                Advance();
                indent = true;
            }
            else if (AcceptKeyword(SqlKeyword.No))
            {
                ExpectWord("INDENT");
            }

            ExpectCloseParen();
            return new XmlSerializeExpression(SpanFrom(startIndex), option, operand, type, indent);
        }

        /// <summary>
        /// PostgreSQL's c_expr, the operand of XMLEXISTS and XMLTABLE: a name, constant, parameter, call or parenthesized
        /// expression with subscripts or fields, but no operator or '::' unless inside parentheses.
        /// </summary>
        private SqlExpression ParseXmlOperand()
        {
            var saved = Enter();
            var startIndex = _pos;
            var operand = ParsePostfix(ParsePrimary(), startIndex, allowCast: false);
            _depth = saved;
            return operand;
        }

        /// <summary><c>PASSING [BY REF|BY VALUE] document [BY REF|BY VALUE]</c>: the document.</summary>
        private SqlExpression ParseXmlPassing()
        {
            ExpectWord("PASSING");
            if (IsKeyword(SqlKeyword.By) && (PeekIsKeyword(1, SqlKeyword.Value) || PeekIsWord(1, "REF")))
            {
                Advance(2);
            }

            var document = ParseXmlOperand();
            if (AcceptKeyword(SqlKeyword.By))
            {
                if (!AcceptKeyword(SqlKeyword.Value))
                {
                    ExpectWord("REF");
                }
            }

            return document;
        }

        /// <summary>After XMLTABLE: <c>([XMLNAMESPACES(...),] row PASSING ... document COLUMNS column, ...) [alias]</c>.</summary>
        private XmlTable ParseXmlTable(int startIndex, bool lateral)
        {
            Advance();
            ExpectOpenParen();
            var namespaces = Empty<XmlNamedArgument>();
            if (IsKeyword(SqlKeyword.XmlNamespaces) && PeekIs(1, SqlTokenKind.LeftParen))
            {
                Advance(2);
                namespaces = ParseXmlNamespaces();
                ExpectCloseParen();
                Expect(SqlTokenKind.Comma, "','");
            }

            var row = ParseXmlOperand();
            var document = ParseXmlPassing();
            ExpectWord("COLUMNS");
            var columns = new List<XmlTableColumn>(4);
            do
            {
                columns.Add(ParseXmlTableColumn());
            }
            while (Accept(SqlTokenKind.Comma));
            ExpectCloseParen();
            var alias = ParseOptionalTableAlias(allowColumnTypes: false, excludeSet: false);
            return new XmlTable(SpanFrom(startIndex), lateral, namespaces, row, document, columns.ToArray(), alias);
        }

        /// <summary><c>uri AS prefix</c> or <c>DEFAULT uri</c>, comma-separated; the URIs are PostgreSQL's b_expr.</summary>
        private XmlNamedArgument[] ParseXmlNamespaces()
        {
            var items = new List<XmlNamedArgument>(2);
            do
            {
                var itemStart = _pos;
                if (AcceptKeyword(SqlKeyword.Default))
                {
                    items.Add(new XmlNamedArgument(SpanFrom(itemStart), ParseExpression(PrecComparison), null));
                }
                else
                {
                    var uri = ParseExpression(PrecComparison);
                    ExpectKeyword(SqlKeyword.As);
                    var prefix = ParseLabel("a namespace prefix");
                    items.Add(new XmlNamedArgument(SpanFrom(itemStart), uri, prefix));
                }
            }
            while (Accept(SqlTokenKind.Comma));
            return items.ToArray();
        }

        /// <summary>
        /// <c>name FOR ORDINALITY</c> or <c>name type</c> then PATH, DEFAULT and NOT NULL/NULL in any order, each at most
        /// once (gram.y rejects repeats). Their values are PostgreSQL's b_expr: no AND, OR, NOT, LIKE, IN or BETWEEN on top.
        /// </summary>
        private XmlTableColumn ParseXmlTableColumn()
        {
            var startIndex = _pos;
            var name = ParseColId("a column name");
            if (AcceptKeyword(SqlKeyword.For))
            {
                ExpectKeyword(SqlKeyword.Ordinality);
                return new XmlTableColumn(SpanFrom(startIndex), name, null, null, null, isNotNull: false);
            }

            var type = ParseDataType();
            SqlExpression? path = null;
            SqlExpression? @default = null;
            bool? notNull = null;
            while (!Is(SqlTokenKind.Comma) && !Is(SqlTokenKind.RightParen))
            {
                var optionIndex = _pos;
                if (IsWord("PATH"))
                {
                    RejectRepeatedXmlColumnOption(path is not null, optionIndex, "only one PATH per column is allowed");
                    Advance();
                    path = ParseExpression(PrecComparison);
                }
                else if (IsKeyword(SqlKeyword.Default))
                {
                    RejectRepeatedXmlColumnOption(@default is not null, optionIndex, "only one DEFAULT per column is allowed");
                    Advance();
                    @default = ParseExpression(PrecComparison);
                }
                else if (IsKeyword(SqlKeyword.Null) || (IsKeyword(SqlKeyword.Not) && PeekIsKeyword(1, SqlKeyword.Null)))
                {
                    RejectRepeatedXmlColumnOption(notNull is not null, optionIndex, "conflicting or redundant NULL / NOT NULL declarations");
                    notNull = IsKeyword(SqlKeyword.Not);
                    Advance(notNull.Value ? 2 : 1);
                }
                else
                {
                    throw Expected("PATH, DEFAULT, NOT NULL, NULL, ',' or ')'");
                }
            }

            return new XmlTableColumn(SpanFrom(startIndex), name, type, path, @default, notNull ?? false);
        }

        private void RejectRepeatedXmlColumnOption(bool repeated, int optionIndex, string problem)
        {
            if (repeated)
            {
                throw ExpectedAt(optionIndex, "',' or ')'", problem);
            }
        }

        private bool PeekIsWord(int ahead, string word)
        {
            ref readonly var token = ref Peek(ahead);
            return token.Kind == SqlTokenKind.Identifier && string.Equals(TokenText(token), word, System.StringComparison.OrdinalIgnoreCase);
        }
    }
}
