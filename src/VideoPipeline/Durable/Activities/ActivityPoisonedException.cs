namespace VideoPipeline.Durable.Activities;

/// <summary>
/// An activity was handed to workers more often than <see cref="DurableTaskOptions.MaxActivityDeliveries"/> and
/// none finished it (each died on it). Permanent: retrying would only take down more workers.
/// </summary>
public sealed class ActivityPoisonedException(string activity, int deliveries)
    : Exception($"{activity} was started {deliveries} times and its worker stopped each time before it finished; it is not tried again")
{
    public string Activity { get; } = activity;

    public int Deliveries { get; } = deliveries;
}
