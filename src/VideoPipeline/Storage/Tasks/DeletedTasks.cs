namespace VideoPipeline.Storage.Tasks;

public enum DeletedTasks
{
    /// <summary>Only tasks not soft-deleted.</summary>
    Exclude,

    /// <summary>Both.</summary>
    Include,

    /// <summary>Only soft-deleted tasks (a trash view).</summary>
    Only,
}
