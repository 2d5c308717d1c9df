namespace QueryGuard.Sql
{
    public enum OnConflictAction : byte
    {
        DoNothing,
        DoUpdate,
    }
}
