namespace VideoPipeline.Storage.Tasks;

/// <summary>
/// Task records, partitioned by owner. Every update is a read-modify-write guarded by the record's ETag and
/// retried on conflict, so concurrent writers never lose each other's changes.
/// </summary>
public interface ITaskStore
{
    /// <summary>Stores a new record; sets createdAt/updatedAt.</summary>
    /// <exception cref="TaskAlreadyExistsException">A record with that owner and id exists.</exception>
    Task<TaskRecord> CreateAsync(TaskRecord task, CancellationToken cancellationToken = default);

    /// <summary>Null when missing, or soft-deleted and <paramref name="includeDeleted"/> is false.</summary>
    Task<TaskRecord?> GetAsync(string ownerId, string id, bool includeDeleted = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> to the current record and writes it if nobody wrote in between; otherwise
    /// re-reads and applies it again. Identity, createdAt and deletion state are kept; progress never decreases.
    /// </summary>
    /// <exception cref="TaskNotFoundException">No such record.</exception>
    Task<TaskRecord> UpdateAsync(string ownerId, string id, Func<TaskRecord, TaskRecord> change, CancellationToken cancellationToken = default);

    /// <summary>One owner's tasks, newest first, optionally by status.</summary>
    Task<TaskPage> ListAsync(string ownerId, TaskListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Hides the record and lets it expire after the configured retention.</summary>
    /// <exception cref="TaskNotFoundException">No such record.</exception>
    Task<TaskRecord> SoftDeleteAsync(string ownerId, string id, CancellationToken cancellationToken = default);

    /// <summary>Undoes <see cref="SoftDeleteAsync"/> (before the retention ends).</summary>
    /// <exception cref="TaskNotFoundException">No such record.</exception>
    Task<TaskRecord> RestoreAsync(string ownerId, string id, CancellationToken cancellationToken = default);
}
