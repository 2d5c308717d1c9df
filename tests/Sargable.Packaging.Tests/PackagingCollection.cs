namespace Sargable.Packaging.Tests
{
    /// <summary>Every packaging test shares one packed feed and runs one after another: each step is a full build.</summary>
    [CollectionDefinition(Name)]
    public sealed class PackagingCollection : ICollectionFixture<PackedFeed>
    {
        /// <summary>The collection's name.</summary>
        public const string Name = "Packed feed";
    }
}
