using VideoPipeline.Webhooks;

namespace VideoPipeline.Tests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    private const double NoJitter = 0.5;

    [Fact]
    public void NextDelay_without_jitter_follows_the_schedule_and_ends_at_24_hours()
    {
        var attempts = new List<TimeSpan> { TimeSpan.Zero };
        for (var made = 1; WebhookRetrySchedule.NextDelay(made, attempts[^1], null, NoJitter) is { } delay; made++)
        {
            attempts.Add(attempts[^1] + delay);
        }

        TimeSpan[] expected =
        [
            TimeSpan.Zero,
            TimeSpan.FromSeconds(5),
            new(0, 5, 5),
            new(0, 35, 5),
            new(2, 35, 5),
            new(7, 35, 5),
            new(17, 35, 5),
            TimeSpan.FromHours(24),
        ];
        Assert.Equal(expected, attempts);
    }

    [Theory]
    [InlineData(0.0, 0.9)]
    [InlineData(0.999999, 1.1)]
    public void NextDelay_jitter_stays_within_ten_percent(double sample, double factor)
    {
        var delay = WebhookRetrySchedule.NextDelay(3, TimeSpan.FromMinutes(6), null, sample);

        Assert.Equal(TimeSpan.FromMinutes(30).TotalSeconds * factor, delay!.Value.TotalSeconds, precision: 2);
    }

    [Fact]
    public void NextDelay_random_overload_varies_within_the_band()
    {
        var delays = Enumerable.Range(0, 50).Select(_ => WebhookRetrySchedule.NextDelay(2, TimeSpan.FromSeconds(5))!.Value).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMinutes(4.5), TimeSpan.FromMinutes(5.5)));
        Assert.True(delays.Distinct().Count() > 1);
    }

    [Fact]
    public void NextDelay_longer_retry_after_wins()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), WebhookRetrySchedule.NextDelay(1, TimeSpan.Zero, TimeSpan.FromMinutes(1), NoJitter));
        Assert.Equal(TimeSpan.FromSeconds(5), WebhookRetrySchedule.NextDelay(1, TimeSpan.Zero, TimeSpan.FromSeconds(1), NoJitter));
    }

    [Fact]
    public void NextDelay_never_reaches_past_the_window()
    {
        Assert.Equal(TimeSpan.FromHours(1), WebhookRetrySchedule.NextDelay(2, TimeSpan.FromHours(23), TimeSpan.FromHours(5), NoJitter));
        Assert.Null(WebhookRetrySchedule.NextDelay(2, TimeSpan.FromHours(24), null, NoJitter));
        Assert.Null(WebhookRetrySchedule.NextDelay(WebhookRetrySchedule.Delays.Count, TimeSpan.Zero, null, NoJitter));
    }

    [Fact]
    public void NextDelay_before_any_attempt_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookRetrySchedule.NextDelay(0, TimeSpan.Zero, null, NoJitter));
    }
}
