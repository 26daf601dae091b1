namespace VideoPipeline.Storage.Azure;

/// <summary>Adds the Authorization header to a request that is otherwise complete.</summary>
internal interface IStorageRequestAuthorizer
{
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
