using System;

namespace Sargable.Sql
{
    /// <summary>
    /// A visitor that computes a value per node. Every <c>Visit...</c> method falls back to <see cref="DefaultVisit"/>,
    /// which returns <c>default</c>; override the ones you need and recurse yourself with <see cref="Visit"/>.
    /// </summary>
    public abstract class SqlVisitor<TResult>
    {
        /// <summary>Dispatches to the <c>Visit...</c> method of the node's type.</summary>
        public virtual TResult Visit(SqlNode node)
        {
            if (node is null)
            {
                throw new ArgumentNullException(nameof(node));
            }

            return node.Accept(this);
        }

        /// <summary>What every <c>Visit...</c> method returns unless overridden.</summary>
        public virtual TResult DefaultVisit(SqlNode node) => default!;

        public virtual TResult VisitSelectStatement(SelectStatement node) => DefaultVisit(node);

        public virtual TResult VisitInsertStatement(InsertStatement node) => DefaultVisit(node);

        public virtual TResult VisitUpdateStatement(UpdateStatement node) => DefaultVisit(node);

        public virtual TResult VisitDeleteStatement(DeleteStatement node) => DefaultVisit(node);

        public virtual TResult VisitOtherStatement(OtherStatement node) => DefaultVisit(node);

        public virtual TResult VisitSetClause(SetClause node) => DefaultVisit(node);

        public virtual TResult VisitOnConflictClause(OnConflictClause node) => DefaultVisit(node);

        public virtual TResult VisitQueryExpression(QueryExpression node) => DefaultVisit(node);

        public virtual TResult VisitSelectCore(SelectCore node) => DefaultVisit(node);

        public virtual TResult VisitSetOperation(SetOperation node) => DefaultVisit(node);

        public virtual TResult VisitValuesQuery(ValuesQuery node) => DefaultVisit(node);

        public virtual TResult VisitParenthesizedQuery(ParenthesizedQuery node) => DefaultVisit(node);

        public virtual TResult VisitWithClause(WithClause node) => DefaultVisit(node);

        public virtual TResult VisitCommonTableExpression(CommonTableExpression node) => DefaultVisit(node);

        public virtual TResult VisitSelectItem(SelectItem node) => DefaultVisit(node);

        public virtual TResult VisitOrderByItem(OrderByItem node) => DefaultVisit(node);

        public virtual TResult VisitLimitClause(LimitClause node) => DefaultVisit(node);

        public virtual TResult VisitLockingClause(LockingClause node) => DefaultVisit(node);

        public virtual TResult VisitWindowDefinition(WindowDefinition node) => DefaultVisit(node);

        public virtual TResult VisitWindowSpecification(WindowSpecification node) => DefaultVisit(node);

        public virtual TResult VisitWindowFrame(WindowFrame node) => DefaultVisit(node);

        public virtual TResult VisitTableReference(TableReference node) => DefaultVisit(node);

        public virtual TResult VisitDerivedTable(DerivedTable node) => DefaultVisit(node);

        public virtual TResult VisitFunctionTable(FunctionTable node) => DefaultVisit(node);

        public virtual TResult VisitJoin(Join node) => DefaultVisit(node);

        public virtual TResult VisitColumnReference(ColumnReference node) => DefaultVisit(node);

        public virtual TResult VisitStarExpression(StarExpression node) => DefaultVisit(node);

        public virtual TResult VisitLiteral(Literal node) => DefaultVisit(node);

        public virtual TResult VisitParameter(Parameter node) => DefaultVisit(node);

        public virtual TResult VisitUnaryExpression(UnaryExpression node) => DefaultVisit(node);

        public virtual TResult VisitBinaryExpression(BinaryExpression node) => DefaultVisit(node);

        public virtual TResult VisitLogicalExpression(LogicalExpression node) => DefaultVisit(node);

        public virtual TResult VisitLikeExpression(LikeExpression node) => DefaultVisit(node);

        public virtual TResult VisitBetweenExpression(BetweenExpression node) => DefaultVisit(node);

        public virtual TResult VisitInListExpression(InListExpression node) => DefaultVisit(node);

        public virtual TResult VisitInSubqueryExpression(InSubqueryExpression node) => DefaultVisit(node);

        public virtual TResult VisitIsNullExpression(IsNullExpression node) => DefaultVisit(node);

        public virtual TResult VisitIsBooleanExpression(IsBooleanExpression node) => DefaultVisit(node);

        public virtual TResult VisitIsDistinctFromExpression(IsDistinctFromExpression node) => DefaultVisit(node);

        public virtual TResult VisitQuantifiedComparison(QuantifiedComparison node) => DefaultVisit(node);

        public virtual TResult VisitExistsExpression(ExistsExpression node) => DefaultVisit(node);

        public virtual TResult VisitSubqueryExpression(SubqueryExpression node) => DefaultVisit(node);

        public virtual TResult VisitArraySubqueryExpression(ArraySubqueryExpression node) => DefaultVisit(node);

        public virtual TResult VisitArrayExpression(ArrayExpression node) => DefaultVisit(node);

        public virtual TResult VisitRowExpression(RowExpression node) => DefaultVisit(node);

        public virtual TResult VisitSubscriptExpression(SubscriptExpression node) => DefaultVisit(node);

        public virtual TResult VisitFieldSelection(FieldSelection node) => DefaultVisit(node);

        public virtual TResult VisitCaseExpression(CaseExpression node) => DefaultVisit(node);

        public virtual TResult VisitCaseWhen(CaseWhen node) => DefaultVisit(node);

        public virtual TResult VisitCastExpression(CastExpression node) => DefaultVisit(node);

        public virtual TResult VisitCollateExpression(CollateExpression node) => DefaultVisit(node);

        public virtual TResult VisitAtTimeZoneExpression(AtTimeZoneExpression node) => DefaultVisit(node);

        public virtual TResult VisitFunctionCall(FunctionCall node) => DefaultVisit(node);

        public virtual TResult VisitNamedArgument(NamedArgument node) => DefaultVisit(node);

        public virtual TResult VisitExtractExpression(ExtractExpression node) => DefaultVisit(node);

        public virtual TResult VisitPositionExpression(PositionExpression node) => DefaultVisit(node);

        public virtual TResult VisitSubstringExpression(SubstringExpression node) => DefaultVisit(node);

        public virtual TResult VisitTrimExpression(TrimExpression node) => DefaultVisit(node);

        public virtual TResult VisitDefaultValue(DefaultValue node) => DefaultVisit(node);

        public virtual TResult VisitCurrentOfExpression(CurrentOfExpression node) => DefaultVisit(node);

        public virtual TResult VisitGroupingSet(GroupingSet node) => DefaultVisit(node);

        public virtual TResult VisitCreateTableStatement(CreateTableStatement node) => DefaultVisit(node);

        public virtual TResult VisitColumnDefinition(ColumnDefinition node) => DefaultVisit(node);

        public virtual TResult VisitColumnConstraint(ColumnConstraint node) => DefaultVisit(node);

        public virtual TResult VisitTableConstraint(TableConstraint node) => DefaultVisit(node);

        public virtual TResult VisitCreateIndexStatement(CreateIndexStatement node) => DefaultVisit(node);

        public virtual TResult VisitIndexKey(IndexKey node) => DefaultVisit(node);

        public virtual TResult VisitAlterTableStatement(AlterTableStatement node) => DefaultVisit(node);

        public virtual TResult VisitAlterTableAction(AlterTableAction node) => DefaultVisit(node);

        public virtual TResult VisitXmlElementExpression(XmlElementExpression node) => DefaultVisit(node);

        public virtual TResult VisitXmlForestExpression(XmlForestExpression node) => DefaultVisit(node);

        public virtual TResult VisitXmlParseExpression(XmlParseExpression node) => DefaultVisit(node);

        public virtual TResult VisitXmlPiExpression(XmlPiExpression node) => DefaultVisit(node);

        public virtual TResult VisitXmlRootExpression(XmlRootExpression node) => DefaultVisit(node);

        public virtual TResult VisitXmlSerializeExpression(XmlSerializeExpression node) => DefaultVisit(node);

        public virtual TResult VisitXmlNamedArgument(XmlNamedArgument node) => DefaultVisit(node);

        public virtual TResult VisitXmlTable(XmlTable node) => DefaultVisit(node);

        public virtual TResult VisitXmlTableColumn(XmlTableColumn node) => DefaultVisit(node);
    }
}
