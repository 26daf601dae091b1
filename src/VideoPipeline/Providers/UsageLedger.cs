using VideoPipeline.Domain;

namespace VideoPipeline.Providers;

/// <summary>
/// Collects <see cref="ProviderUsage"/> for the code running inside <see cref="Begin"/>: an activity opens a
/// scope, providers (singletons, unaware of the activity) call <see cref="Record"/>, and the activity
/// returns what was recorded with its result. Flows across awaits; scopes do not leak between activities.
/// </summary>
public static class UsageLedger
{
    private static readonly AsyncLocal<List<ProviderUsage>?> Current = new();

    public static Scope Begin() => new(Current.Value = []);

    /// <summary>Records a call; a no-op outside a scope (tests calling a provider directly).</summary>
    public static void Record(ProviderUsage usage)
    {
        var list = Current.Value;
        if (list is null)
        {
            return;
        }

        lock (list)
        {
            list.Add(usage);
        }
    }

    public sealed class Scope : IDisposable
    {
        private readonly List<ProviderUsage> entries;

        internal Scope(List<ProviderUsage> entries) => this.entries = entries;

        public IReadOnlyList<ProviderUsage> Entries
        {
            get
            {
                lock (this.entries)
                {
                    return [.. this.entries];
                }
            }
        }

        public void Dispose() => Current.Value = null;
    }
}
