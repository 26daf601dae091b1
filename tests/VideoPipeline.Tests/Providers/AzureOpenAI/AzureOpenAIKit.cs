using global::Azure.Core;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.FFmpeg;
using VideoPipeline.Media.Probing;
using VideoPipeline.Providers.AzureOpenAI;
using VideoPipeline.Providers.AzureOpenAI.Moderation;
using VideoPipeline.Providers.AzureOpenAI.Planning;
using VideoPipeline.Providers.AzureOpenAI.Speech;
using VideoPipeline.Providers.AzureOpenAI.Transcription;
using VideoPipeline.Providers.AzureOpenAI.Video;
using VideoPipeline.Providers.Offline.Planning;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

/// <summary>The real Azure OpenAI providers, pointed at fake servers, with fast retries and a private scratch folder.</summary>
internal sealed class AzureOpenAIKit : IDisposable
{
    public const string FakeKey = "fake-key-for-tests-only";

    private readonly HttpClient http = new();
    private readonly IReadOnlyList<AzureOpenAIDeployment> deployments;

    public AzureOpenAIKit(IReadOnlyList<AzureOpenAIDeployment> deployments, TokenCredential? credential = null, int maxRetries = 3)
    {
        this.deployments = deployments;
        var options = Options.Create(new AzureOpenAIOptions { MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(10) });
        this.Router = new AzureOpenAIRouter(new AzureOpenAIClients(options, this.http, credential ?? new FixedTokenCredential("unused-token")), options);
    }

    public AzureOpenAIKit(FakeAzureOpenAIServer server)
        : this([Deployment(server)])
    {
    }

    public AzureOpenAIRouter Router { get; }

    public TempDirectory Temp { get; } = new();

    public static FFmpegRunner FFmpeg { get; } = new(Options.Create(new FFmpegOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<FFmpegRunner>.Instance);

    public static FFprobeMediaProbe Probe { get; } = new(new FFMpegCoreOptions(Options.Create(new FFmpegOptions())));

    public static AzureOpenAIDeployment Deployment(FakeAzureOpenAIServer server, string name = "dep-a", string? key = FakeKey) =>
        new() { Endpoint = server.Endpoint, ApiKey = key, Deployment = name };

    public AzureOpenAIScenePlanner Planner(Dictionary<string, decimal>? prices = null) =>
        new(this.Router, Options.Create(new AzureOpenAIPlannerOptions { Deployments = [.. this.deployments], Prices = prices ?? [] }), new RuleBasedScenePlanner());

    public AzureOpenAIContentModerator Moderator() =>
        new(this.Router, Options.Create(new AzureOpenAIModerationOptions { Deployments = [.. this.deployments] }));

    public AzureOpenAISpeechSynthesizer Speech(Action<AzureOpenAISpeechOptions>? configure = null)
    {
        var options = new AzureOpenAISpeechOptions { Deployments = [.. this.deployments] };
        configure?.Invoke(options);
        return new(this.Router, Options.Create(options), FFmpeg);
    }

    public AzureOpenAISpeechToText Transcriber(Action<AzureOpenAITranscriptionOptions>? configure = null)
    {
        var options = new AzureOpenAITranscriptionOptions { Deployments = [.. this.deployments] };
        configure?.Invoke(options);
        return new(this.Router, Options.Create(options), FFmpeg);
    }

    public Sora1VideoJobProvider Sora1(Dictionary<string, decimal>? prices = null) =>
        new(this.Router, Options.Create(new Sora1Options { Deployments = [.. this.deployments], Prices = prices ?? [] }), Probe);

    public Sora2VideoJobProvider Sora2(Dictionary<string, decimal>? prices = null) =>
        new(this.Router, Options.Create(new Sora2Options { Deployments = [.. this.deployments], Prices = prices ?? [] }), Probe);

    public void Dispose()
    {
        this.http.Dispose();
        this.Temp.Dispose();
    }
}

/// <summary>An Entra credential that always hands out the same token, and counts how often it was asked.</summary>
internal sealed class FixedTokenCredential(string token) : TokenCredential
{
    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (this.Scopes)
        {
            this.Scopes.AddRange(requestContext.Scopes);
        }

        return new(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(this.GetToken(requestContext, cancellationToken));
}
