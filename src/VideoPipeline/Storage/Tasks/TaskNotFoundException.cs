namespace VideoPipeline.Storage.Tasks;

public sealed class TaskNotFoundException(string ownerId, string id)
    : Exception($"Task '{id}' of owner '{ownerId}' does not exist")
{
    public string OwnerId { get; } = ownerId;

    public string Id { get; } = id;
}
