namespace Sargable.Deployments.Model
{
    /// <summary>What an <see cref="InternalId"/> row numbers, stored as smallint with GitLab's values.</summary>
    public enum InternalIdUsage : short
    {
        Deployments = 2,
    }

    /// <summary>
    /// The last number handed out per project and usage (<c>internal_ids</c>, GitLab's table): the next deployment iid
    /// is one atomic upsert of this row, so concurrent creations never pick the same number or retry.
    /// </summary>
    public sealed class InternalId
    {
        public long Id { get; set; }

        public long ProjectId { get; set; }

        public InternalIdUsage Usage { get; set; }

        public int LastValue { get; set; }
    }
}
