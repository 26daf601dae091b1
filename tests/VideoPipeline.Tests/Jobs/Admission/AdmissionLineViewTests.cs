using VideoPipeline.Jobs.Admission;

namespace VideoPipeline.Tests.Jobs.Admission;

public sealed class AdmissionLineViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Order_puts_higher_priority_first_then_the_older_job()
    {
        AdmissionTicket[] tickets = [Ticket("late-low", 0, 30), Ticket("early-low", 0, 0), Ticket("high", 5, 60), Ticket("mid", 2, 10)];

        var ordered = tickets.Order(Comparer<AdmissionTicket>.Create(AdmissionLineView.Order)).Select(t => t.Id);

        Assert.Equal(["high", "mid", "early-low", "late-low"], ordered);
    }

    [Fact]
    public void PositionOf_a_job_not_read_yet_counts_it_in_its_place()
    {
        var view = new AdmissionLineView([], [Ticket("a", 5, 0), Ticket("b", 0, 0)]);

        var (position, waiting) = view.PositionOf(Ticket("new", 1, 10));

        Assert.Equal((2, 3), (position, waiting));
    }

    [Fact]
    public void With_a_joined_ticket_keeps_the_waiting_in_admission_order()
    {
        var view = new AdmissionLineView([], [Ticket("a", 0, 0)]);

        var after = view.With(new AdmissionChange("b", Joined: Ticket("b", 3, 5)));

        Assert.Equal(["b", "a"], after.Waiting.Select(t => t.Id));
    }

    private static AdmissionTicket Ticket(string id, int priority, int secondsAfterT0) =>
        new() { Id = id, Line = "Job", Priority = priority, CreatedAt = T0.AddSeconds(secondsAfterT0) };
}
