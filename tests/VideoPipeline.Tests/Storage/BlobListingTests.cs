using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace VideoPipeline.Tests.Storage;

/// <summary>Listing as the blob trigger scans: every page followed, metadata included.</summary>
[Collection(EmulatorGroup.Name)]
public sealed class BlobListingTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string container = Names.Unique("ls");

    private BlobContainerClient Container => emulators.Blobs.GetBlobContainerClient(this.container);

    public Task InitializeAsync() => this.Container.CreateIfNotExistsAsync();

    public Task DisposeAsync() => emulators.DeleteContainerAsync(this.container);

    [Fact]
    public async Task GetBlobs_1200_blobs_come_back_across_pages()
    {
        const int count = 1200;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await this.Container.UploadBlobAsync($"scenes/{i:D5}.txt", BinaryData.FromBytes([(byte)i]), ct));

        var names = new List<string>();
        var pages = 0;
        await foreach (var page in this.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = "scenes/" }).AsPages(pageSizeHint: 500))
        {
            names.AddRange(page.Values.Select(b => b.Name));
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"scenes/{i:D5}.txt"), names);
    }

    [Fact]
    public async Task GetBlobs_prefix_excludes_other_names_and_brings_metadata()
    {
        await this.Container.UploadBlobAsync("scenes/1.txt", BinaryData.FromBytes([1]));
        await this.Container.GetBlobClient("other/x.txt").UploadAsync(
            BinaryData.FromBytes([1]), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["kind"] = "x" } });

        var listed = new List<BlobItem>();
        await foreach (var blob in this.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = "other/", Traits = BlobTraits.Metadata }))
        {
            listed.Add(blob);
        }

        var only = Assert.Single(listed);
        Assert.Equal("other/x.txt", only.Name);
        Assert.Equal("x", only.Metadata["kind"]);
    }
}
