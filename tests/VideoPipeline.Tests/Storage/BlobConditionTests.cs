using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace VideoPipeline.Tests.Storage;

/// <summary>ETag-conditional writes (blob trigger receipts, asset reads pinned to an ETag) and leases, on Azurite.</summary>
[Collection(EmulatorGroup.Name)]
public sealed class BlobConditionTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string container = Names.Unique("cd");

    private BlobClient Blob => emulators.Blobs.GetBlobContainerClient(this.container).GetBlobClient("b");

    public async Task InitializeAsync()
    {
        await emulators.Blobs.GetBlobContainerClient(this.container).CreateIfNotExistsAsync();
        await this.Blob.UploadAsync(BinaryData.FromBytes([1]));
    }

    public Task DisposeAsync() => emulators.DeleteContainerAsync(this.container);

    [Fact]
    public async Task Upload_if_none_match_any_on_an_existing_blob_fails_with_BlobAlreadyExists()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => UploadAsync(this.Blob, [2], new BlobRequestConditions { IfNoneMatch = ETag.All }));

        Assert.Equal(409, error.Status);
        Assert.Equal(BlobErrorCode.BlobAlreadyExists.ToString(), error.ErrorCode);
    }

    [Fact]
    public async Task Upload_if_none_match_any_creates_a_new_blob_once()
    {
        var fresh = emulators.Blobs.GetBlobContainerClient(this.container).GetBlobClient("new");

        await UploadAsync(fresh, [7], new BlobRequestConditions { IfNoneMatch = ETag.All });

        Assert.Equal(1, (await fresh.GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task Upload_with_a_stale_etag_fails_with_ConditionNotMet()
    {
        var first = (await this.Blob.GetPropertiesAsync()).Value.ETag;
        await UploadAsync(this.Blob, [2], null);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => UploadAsync(this.Blob, [3], new BlobRequestConditions { IfMatch = first }));

        Assert.Equal(412, error.Status);
        Assert.Equal(BlobErrorCode.ConditionNotMet.ToString(), error.ErrorCode);
    }

    [Fact]
    public async Task Upload_with_the_current_etag_replaces_the_content()
    {
        var current = (await this.Blob.GetPropertiesAsync()).Value.ETag;

        var written = await UploadAsync(this.Blob, [4, 4], new BlobRequestConditions { IfMatch = current });

        Assert.NotEqual(current, written.ETag);
        Assert.Equal(2, (await this.Blob.GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task Download_pinned_to_an_etag_after_a_replacement_fails_with_412()
    {
        var read = (await this.Blob.GetPropertiesAsync()).Value.ETag;
        await UploadAsync(this.Blob, [8, 8], null);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            this.Blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = read } }));

        Assert.Equal(412, error.Status);
    }

    [Fact]
    public async Task AcquireLease_on_a_leased_blob_fails_with_LeaseAlreadyPresent()
    {
        await this.Blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => this.Blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(409, error.Status);
        Assert.Equal(BlobErrorCode.LeaseAlreadyPresent.ToString(), error.ErrorCode);
    }

    [Fact]
    public async Task Upload_to_a_leased_blob_without_its_lease_id_fails_with_LeaseIdMissing()
    {
        await this.Blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => UploadAsync(this.Blob, [9], null));

        Assert.Equal(412, error.Status);
        Assert.Equal(BlobErrorCode.LeaseIdMissing.ToString(), error.ErrorCode);
    }

    [Fact]
    public async Task Upload_to_a_leased_blob_with_its_renewed_lease_id_succeeds()
    {
        var lease = this.Blob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));
        await lease.RenewAsync();

        await UploadAsync(this.Blob, [9, 9, 9], new BlobRequestConditions { LeaseId = lease.LeaseId });

        Assert.Equal(3, (await this.Blob.GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task ReleaseLease_lets_another_holder_acquire()
    {
        var first = this.Blob.GetBlobLeaseClient();
        await first.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);
        await first.ReleaseAsync();

        var second = (await this.Blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15))).Value;

        Assert.NotEqual(first.LeaseId, second.LeaseId);
    }

    [Fact]
    public async Task Download_of_a_missing_blob_fails_with_BlobNotFound()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            emulators.Blobs.GetBlobContainerClient(this.container).GetBlobClient("missing").DownloadStreamingAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal(BlobErrorCode.BlobNotFound.ToString(), error.ErrorCode);
    }

    [Fact]
    public async Task Download_of_an_invalid_range_fails_with_416()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            this.Blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(100, 10) }));

        Assert.Equal(416, error.Status);
    }

    private static async Task<BlobContentInfo> UploadAsync(BlobClient blob, byte[] bytes, BlobRequestConditions? conditions) =>
        (await blob.UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions { Conditions = conditions })).Value;
}
