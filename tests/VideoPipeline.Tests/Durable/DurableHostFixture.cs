namespace VideoPipeline.Tests.Durable;

/// <summary>One engine host (private task hub, worker running) shared by a test class.</summary>
public sealed class DurableHostFixture : IAsyncLifetime
{
    public DurableTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => this.Host = await DurableTestHost.StartAsync(EngineTasks.Register);

    public async Task DisposeAsync() => await this.Host.DisposeAsync();
}
