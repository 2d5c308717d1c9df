namespace Sargable.Rules
{
    /// <summary>A rule that reads query shapes. Implementations are stateless and run in <see cref="ShapeRules.All"/> order.</summary>
    internal interface IShapeRule
    {
        string Id { get; }

        void Evaluate(RuleContext context);
    }
}
