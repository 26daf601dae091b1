using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoPipeline.Webhooks;

namespace VideoPipeline.Tests.Webhooks;

/// <summary>The dev-only allowance: listed loopback ports reach a local receiver in Development, and nowhere else.</summary>
public sealed class WebhookDevelopmentLoopbackTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"job.started"}""");

    [Fact]
    public async Task SendAsync_development_with_the_receiver_port_listed_delivers()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        using var services = Services(Environments.Development, receiver.EndPoint.Port);

        var result = await services.GetRequiredService<WebhookSender>().SendAsync(receiver.Url, "msg_1", Body, new WebhookSigner(WebhookSecret.Generate()));

        Assert.Equal(WebhookDeliveryOutcome.Delivered, result.Outcome);
    }

    [Fact]
    public async Task SendAsync_development_with_another_port_listed_refuses_the_receiver()
    {
        await using var receiver = await RecordingWebhookReceiver.StartAsync();
        using var services = Services(Environments.Development, receiver.EndPoint.Port == 65535 ? 65534 : receiver.EndPoint.Port + 1);

        var result = await services.GetRequiredService<WebhookSender>().SendAsync(receiver.Url, "msg_1", Body, new WebhookSigner(WebhookSecret.Generate()));

        Assert.Equal(WebhookDeliveryOutcome.Refused, result.Outcome);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public void Options_production_with_a_port_listed_fail_validation()
    {
        using var services = Services(Environments.Production, 8787);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebhookSenderOptions>>().Value);

        Assert.Contains("DevelopmentLoopbackPorts", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string environment, int port)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:DevelopmentLoopbackPorts:0"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build();
        return new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new TestEnvironment(environment))
            .AddWebhookSender(configuration)
            .BuildServiceProvider();
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
