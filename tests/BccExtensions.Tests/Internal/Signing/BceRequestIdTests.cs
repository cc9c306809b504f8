using BccExtensions.Internal.Signing;

namespace BccExtensions.Tests.Internal.Signing;

public class BceRequestIdTests
{
    [Fact]
    public void Next_ManyFromManyThreads_AllDistinctVersion4Uuids()
    {
        string[] ids = [.. Enumerable.Range(0, 8).AsParallel().SelectMany(_ => Enumerable.Range(0, 25_000).Select(_ => BceRequestId.Next()))];

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids.Take(1000), id =>
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        });
    }
}
