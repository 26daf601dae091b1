using System.Net;
using VideoPipeline.Storage.Azure;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class BlobConditionTests(EmulatorFixture emulators) : IAsyncLifetime
{
    private readonly string container = Names.Unique("cd");

    public async Task InitializeAsync()
    {
        await emulators.Blobs.CreateContainerAsync(this.container);
        await emulators.Blobs.UploadAsync(this.container, "b", new MemoryStream([1]));
    }

    public Task DisposeAsync() => emulators.Blobs.DeleteContainerAsync(this.container);

    [Fact]
    public async Task UploadAsync_if_not_exists_on_existing_blob_fails_with_BlobAlreadyExists()
    {
        var error = await Assert.ThrowsAsync<StorageRequestException>(() => this.UploadAsync("b", [2], BlobRequestConditions.IfNotExists));

        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal(StorageErrorCodes.BlobAlreadyExists, error.ErrorCode);
    }

    [Fact]
    public async Task UploadAsync_if_not_exists_creates_a_new_blob_once()
    {
        await this.UploadAsync("new", [7], BlobRequestConditions.IfNotExists);

        Assert.Equal(1, (await emulators.Blobs.GetPropertiesAsync(this.container, "new"))!.Length);
    }

    [Fact]
    public async Task UploadAsync_with_stale_etag_fails_with_ConditionNotMet()
    {
        var first = await emulators.Blobs.GetPropertiesAsync(this.container, "b");
        await this.UploadAsync("b", [2], null);

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => this.UploadAsync("b", [3], BlobRequestConditions.ForETag(first!.ETag)));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.Status);
        Assert.Equal(StorageErrorCodes.ConditionNotMet, error.ErrorCode);
    }

    [Fact]
    public async Task UploadAsync_with_current_etag_replaces_content()
    {
        var current = await emulators.Blobs.GetPropertiesAsync(this.container, "b");

        var written = await this.UploadAsync("b", [4, 4], BlobRequestConditions.ForETag(current!.ETag));

        Assert.NotEqual(current.ETag, written.ETag);
        Assert.Equal(2, (await emulators.Blobs.GetPropertiesAsync(this.container, "b"))!.Length);
    }

    [Fact]
    public async Task AcquireLeaseAsync_on_leased_blob_fails_with_LeaseAlreadyPresent()
    {
        await emulators.Blobs.AcquireLeaseAsync(this.container, "b", TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => emulators.Blobs.AcquireLeaseAsync(this.container, "b", TimeSpan.FromSeconds(15)));

        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal(StorageErrorCodes.LeaseAlreadyPresent, error.ErrorCode);
    }

    [Fact]
    public async Task UploadAsync_to_leased_blob_without_lease_id_fails_with_LeaseIdMissing()
    {
        await emulators.Blobs.AcquireLeaseAsync(this.container, "b", TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => this.UploadAsync("b", [9], null));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.Status);
        Assert.Equal(StorageErrorCodes.LeaseIdMissing, error.ErrorCode);
    }

    [Fact]
    public async Task UploadAsync_to_leased_blob_with_its_lease_id_succeeds()
    {
        var lease = await emulators.Blobs.AcquireLeaseAsync(this.container, "b", TimeSpan.FromSeconds(15));
        await emulators.Blobs.RenewLeaseAsync(this.container, "b", lease);

        await this.UploadAsync("b", [9, 9, 9], new BlobRequestConditions { LeaseId = lease });

        Assert.Equal(3, (await emulators.Blobs.GetPropertiesAsync(this.container, "b"))!.Length);
    }

    [Fact]
    public async Task ReleaseLeaseAsync_lets_another_holder_acquire()
    {
        var first = await emulators.Blobs.AcquireLeaseAsync(this.container, "b");
        await emulators.Blobs.ReleaseLeaseAsync(this.container, "b", first);

        var second = await emulators.Blobs.AcquireLeaseAsync(this.container, "b", TimeSpan.FromSeconds(15));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task DownloadAsync_missing_blob_fails_with_BlobNotFound()
    {
        var error = await Assert.ThrowsAsync<StorageRequestException>(() => emulators.Blobs.DownloadAsync(this.container, "missing"));

        Assert.True(error.IsNotFound);
        Assert.Equal(StorageErrorCodes.BlobNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task DownloadAsync_missing_container_fails_with_ContainerNotFound()
    {
        var error = await Assert.ThrowsAsync<StorageRequestException>(() => emulators.Blobs.DownloadAsync(Names.Unique("nx"), "b"));

        Assert.True(error.IsNotFound);
        Assert.Equal(StorageErrorCodes.ContainerNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task DownloadAsync_invalid_range_fails_with_416()
    {
        var error = await Assert.ThrowsAsync<StorageRequestException>(() => emulators.Blobs.DownloadAsync(this.container, "b", new BlobRange(100, 10)));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, error.Status);
    }

    private Task<BlobProperties> UploadAsync(string name, byte[] bytes, BlobRequestConditions? conditions) =>
        emulators.Blobs.UploadAsync(this.container, name, new MemoryStream(bytes), new BlobUploadOptions { Conditions = conditions });
}
