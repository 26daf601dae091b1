namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class BlobListingTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string container = Names.Unique("ls");

    public Task InitializeAsync() => emulators.Blobs.CreateContainerAsync(this.container);

    public Task DisposeAsync() => emulators.Blobs.DeleteContainerAsync(this.container);

    [Fact]
    public async Task ListBlobsAsync_1200_blobs_come_back_across_pages_via_markers()
    {
        const int count = 1200;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await emulators.Blobs.UploadAsync(this.container, $"scenes/{i:D5}.txt", new MemoryStream([(byte)i]), cancellationToken: ct));

        var names = new List<string>();
        var pages = 0;
        string? marker = null;
        do
        {
            var page = await emulators.Blobs.ListBlobsAsync(this.container, "scenes/", marker, maxResults: 500);
            names.AddRange(page.Blobs.Select(b => b.Name));
            marker = page.NextMarker;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"scenes/{i:D5}.txt"), names);
    }

    [Fact]
    public async Task ListAllBlobsAsync_prefix_excludes_other_names()
    {
        await emulators.Blobs.UploadAsync(this.container, "scenes/1.txt", new MemoryStream([1]));
        await emulators.Blobs.UploadAsync(this.container, "other/x.txt", new MemoryStream([1]), new VideoPipeline.Storage.Azure.BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["kind"] = "x" },
        });

        var listed = new List<VideoPipeline.Storage.Azure.BlobProperties>();
        await foreach (var blob in emulators.Blobs.ListAllBlobsAsync(this.container, "other/"))
        {
            listed.Add(blob);
        }

        var only = Assert.Single(listed);
        Assert.Equal("other/x.txt", only.Name);
        Assert.Equal("x", only.Metadata["kind"]);
    }
}
