using System;

namespace Sargable.Sql
{
    /// <summary>
    /// A tree walker: every <c>Visit...</c> method falls back to <see cref="DefaultVisit"/>, which visits the node's
    /// <see cref="SqlNode.ChildNodes"/> in source order. Override a method and call <c>base.Visit...</c> to keep walking below it.
    /// The tree's depth is bounded by the parser's nesting limit, so recursing is safe.
    /// </summary>
    public abstract class SqlVisitor
    {
        /// <summary>Dispatches to the <c>Visit...</c> method of the node's type.</summary>
        public virtual void Visit(SqlNode node)
        {
            if (node is null)
            {
                throw new ArgumentNullException(nameof(node));
            }

            node.Accept(this);
        }

        /// <summary>Visits the node's children in source order.</summary>
        public virtual void DefaultVisit(SqlNode node)
        {
            if (node is null)
            {
                throw new ArgumentNullException(nameof(node));
            }

            foreach (var child in node.ChildNodes())
            {
                child.Accept(this);
            }
        }

        public virtual void VisitSelectStatement(SelectStatement node) => DefaultVisit(node);

        public virtual void VisitInsertStatement(InsertStatement node) => DefaultVisit(node);

        public virtual void VisitUpdateStatement(UpdateStatement node) => DefaultVisit(node);

        public virtual void VisitDeleteStatement(DeleteStatement node) => DefaultVisit(node);

        public virtual void VisitOtherStatement(OtherStatement node) => DefaultVisit(node);

        public virtual void VisitSetClause(SetClause node) => DefaultVisit(node);

        public virtual void VisitOnConflictClause(OnConflictClause node) => DefaultVisit(node);

        public virtual void VisitQueryExpression(QueryExpression node) => DefaultVisit(node);

        public virtual void VisitSelectCore(SelectCore node) => DefaultVisit(node);

        public virtual void VisitSetOperation(SetOperation node) => DefaultVisit(node);

        public virtual void VisitValuesQuery(ValuesQuery node) => DefaultVisit(node);

        public virtual void VisitParenthesizedQuery(ParenthesizedQuery node) => DefaultVisit(node);

        public virtual void VisitWithClause(WithClause node) => DefaultVisit(node);

        public virtual void VisitCommonTableExpression(CommonTableExpression node) => DefaultVisit(node);

        public virtual void VisitSelectItem(SelectItem node) => DefaultVisit(node);

        public virtual void VisitOrderByItem(OrderByItem node) => DefaultVisit(node);

        public virtual void VisitLimitClause(LimitClause node) => DefaultVisit(node);

        public virtual void VisitLockingClause(LockingClause node) => DefaultVisit(node);

        public virtual void VisitWindowDefinition(WindowDefinition node) => DefaultVisit(node);

        public virtual void VisitWindowSpecification(WindowSpecification node) => DefaultVisit(node);

        public virtual void VisitWindowFrame(WindowFrame node) => DefaultVisit(node);

        public virtual void VisitTableReference(TableReference node) => DefaultVisit(node);

        public virtual void VisitDerivedTable(DerivedTable node) => DefaultVisit(node);

        public virtual void VisitFunctionTable(FunctionTable node) => DefaultVisit(node);

        public virtual void VisitJoin(Join node) => DefaultVisit(node);

        public virtual void VisitColumnReference(ColumnReference node) => DefaultVisit(node);

        public virtual void VisitStarExpression(StarExpression node) => DefaultVisit(node);

        public virtual void VisitLiteral(Literal node) => DefaultVisit(node);

        public virtual void VisitParameter(Parameter node) => DefaultVisit(node);

        public virtual void VisitUnaryExpression(UnaryExpression node) => DefaultVisit(node);

        public virtual void VisitBinaryExpression(BinaryExpression node) => DefaultVisit(node);

        public virtual void VisitLogicalExpression(LogicalExpression node) => DefaultVisit(node);

        public virtual void VisitLikeExpression(LikeExpression node) => DefaultVisit(node);

        public virtual void VisitBetweenExpression(BetweenExpression node) => DefaultVisit(node);

        public virtual void VisitInListExpression(InListExpression node) => DefaultVisit(node);

        public virtual void VisitInSubqueryExpression(InSubqueryExpression node) => DefaultVisit(node);

        public virtual void VisitIsNullExpression(IsNullExpression node) => DefaultVisit(node);

        public virtual void VisitIsBooleanExpression(IsBooleanExpression node) => DefaultVisit(node);

        public virtual void VisitIsDistinctFromExpression(IsDistinctFromExpression node) => DefaultVisit(node);

        public virtual void VisitQuantifiedComparison(QuantifiedComparison node) => DefaultVisit(node);

        public virtual void VisitExistsExpression(ExistsExpression node) => DefaultVisit(node);

        public virtual void VisitSubqueryExpression(SubqueryExpression node) => DefaultVisit(node);

        public virtual void VisitArraySubqueryExpression(ArraySubqueryExpression node) => DefaultVisit(node);

        public virtual void VisitArrayExpression(ArrayExpression node) => DefaultVisit(node);

        public virtual void VisitRowExpression(RowExpression node) => DefaultVisit(node);

        public virtual void VisitSubscriptExpression(SubscriptExpression node) => DefaultVisit(node);

        public virtual void VisitFieldSelection(FieldSelection node) => DefaultVisit(node);

        public virtual void VisitCaseExpression(CaseExpression node) => DefaultVisit(node);

        public virtual void VisitCaseWhen(CaseWhen node) => DefaultVisit(node);

        public virtual void VisitCastExpression(CastExpression node) => DefaultVisit(node);

        public virtual void VisitCollateExpression(CollateExpression node) => DefaultVisit(node);

        public virtual void VisitAtTimeZoneExpression(AtTimeZoneExpression node) => DefaultVisit(node);

        public virtual void VisitFunctionCall(FunctionCall node) => DefaultVisit(node);

        public virtual void VisitNamedArgument(NamedArgument node) => DefaultVisit(node);

        public virtual void VisitExtractExpression(ExtractExpression node) => DefaultVisit(node);

        public virtual void VisitPositionExpression(PositionExpression node) => DefaultVisit(node);

        public virtual void VisitSubstringExpression(SubstringExpression node) => DefaultVisit(node);

        public virtual void VisitTrimExpression(TrimExpression node) => DefaultVisit(node);

        public virtual void VisitDefaultValue(DefaultValue node) => DefaultVisit(node);

        public virtual void VisitCurrentOfExpression(CurrentOfExpression node) => DefaultVisit(node);

        public virtual void VisitGroupingSet(GroupingSet node) => DefaultVisit(node);

        public virtual void VisitCreateTableStatement(CreateTableStatement node) => DefaultVisit(node);

        public virtual void VisitColumnDefinition(ColumnDefinition node) => DefaultVisit(node);

        public virtual void VisitColumnConstraint(ColumnConstraint node) => DefaultVisit(node);

        public virtual void VisitTableConstraint(TableConstraint node) => DefaultVisit(node);

        public virtual void VisitCreateIndexStatement(CreateIndexStatement node) => DefaultVisit(node);

        public virtual void VisitIndexKey(IndexKey node) => DefaultVisit(node);

        public virtual void VisitAlterTableStatement(AlterTableStatement node) => DefaultVisit(node);

        public virtual void VisitAlterTableAction(AlterTableAction node) => DefaultVisit(node);

        public virtual void VisitXmlElementExpression(XmlElementExpression node) => DefaultVisit(node);

        public virtual void VisitXmlForestExpression(XmlForestExpression node) => DefaultVisit(node);

        public virtual void VisitXmlParseExpression(XmlParseExpression node) => DefaultVisit(node);

        public virtual void VisitXmlPiExpression(XmlPiExpression node) => DefaultVisit(node);

        public virtual void VisitXmlRootExpression(XmlRootExpression node) => DefaultVisit(node);

        public virtual void VisitXmlSerializeExpression(XmlSerializeExpression node) => DefaultVisit(node);

        public virtual void VisitXmlNamedArgument(XmlNamedArgument node) => DefaultVisit(node);

        public virtual void VisitXmlTable(XmlTable node) => DefaultVisit(node);

        public virtual void VisitXmlTableColumn(XmlTableColumn node) => DefaultVisit(node);
    }
}
