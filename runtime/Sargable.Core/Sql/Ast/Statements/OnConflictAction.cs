namespace Sargable.Sql
{
    public enum OnConflictAction : byte
    {
        DoNothing,
        DoUpdate,
    }
}
