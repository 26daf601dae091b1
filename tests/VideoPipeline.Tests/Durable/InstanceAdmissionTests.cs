using VideoPipeline.Durable.Engine;

namespace VideoPipeline.Tests.Durable;

/// <summary>Queue positions from a line that may have been read before the instance was created.</summary>
public sealed class InstanceAdmissionTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void PositionIn_listed_instance_counts_those_ahead_of_it()
    {
        var line = Line(Waiting("a", 0, 0), Waiting("b", 0, 1), Waiting("c", 0, 2));

        Assert.Equal((2, 3), InstanceAdmission.PositionIn(line, "b", T0.AddSeconds(1), 0));
    }

    [Fact]
    public void PositionIn_instance_missing_from_the_line_is_counted_where_it_belongs()
    {
        var line = Line(Waiting("a", 0, 0), Waiting("b", 0, 1));

        Assert.Equal((3, 3), InstanceAdmission.PositionIn(line, "new", T0.AddSeconds(5), 0));
    }

    [Fact]
    public void PositionIn_higher_priority_goes_ahead_of_older_jobs()
    {
        var line = Line(Waiting("a", 0, 0), Waiting("b", 0, 1));

        Assert.Equal((1, 3), InstanceAdmission.PositionIn(line, "urgent", T0.AddSeconds(5), 9));
    }

    private static AdmissionLine Line(params InstanceState[] waiting) => new([], waiting);

    private static InstanceState Waiting(string id, int priority, int secondsAfterT0) => new()
    {
        InstanceId = id,
        Name = "Job",
        ExecutionId = id,
        Priority = priority,
        CreatedAt = T0.AddSeconds(secondsAfterT0),
    };
}
