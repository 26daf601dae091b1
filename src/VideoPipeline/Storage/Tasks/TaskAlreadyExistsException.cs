namespace VideoPipeline.Storage.Tasks;

public sealed class TaskAlreadyExistsException(string ownerId, string id)
    : Exception($"Task '{id}' of owner '{ownerId}' already exists")
{
    public string OwnerId { get; } = ownerId;

    public string Id { get; } = id;
}
