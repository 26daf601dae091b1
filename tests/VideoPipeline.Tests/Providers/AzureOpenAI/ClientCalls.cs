using VideoPipeline.Domain;
using VideoPipeline.Providers;
using VideoPipeline.Providers.AzureOpenAI.Moderation;
using VideoPipeline.Providers.AzureOpenAI.Planning;
using VideoPipeline.Providers.AzureOpenAI.Speech;
using VideoPipeline.Providers.AzureOpenAI.Transcription;
using VideoPipeline.Providers.AzureOpenAI.Video;

namespace VideoPipeline.Tests.Providers.AzureOpenAI;

/// <summary>One representative call per Azure OpenAI client, so the failure-mode tests run against each of them.</summary>
internal static class ClientCalls
{
    public const string Planner = "planner";
    public const string Moderation = "moderation";
    public const string Speech = "speech";
    public const string Transcription = "transcription";
    public const string Sora1 = "sora-1";
    public const string Sora2 = "sora-2";

    public static TheoryData<string> All => [Planner, Moderation, Speech, Transcription, Sora1, Sora2];

    public static string PathOf(string client) => client switch
    {
        Planner => FakeAzureOpenAIServer.ChatPath,
        Moderation => FakeAzureOpenAIServer.ModerationsPath,
        Speech => FakeAzureOpenAIServer.SpeechPath,
        Transcription => FakeAzureOpenAIServer.TranscriptionsPath,
        Sora1 => FakeAzureOpenAIServer.Sora1JobsPath,
        Sora2 => FakeAzureOpenAIServer.Sora2VideosPath,
        _ => throw new ArgumentOutOfRangeException(nameof(client)),
    };

    /// <summary>The operation name errors must mention.</summary>
    public static string OperationOf(string client) => client switch
    {
        Planner => AzureOpenAIScenePlanner.Operation,
        Moderation => AzureOpenAIContentModerator.Operation,
        Speech => AzureOpenAISpeechSynthesizer.Operation,
        Transcription => AzureOpenAISpeechToText.Operation,
        Sora1 => Sora1VideoJobProvider.ProviderName + " submit",
        Sora2 => Sora2VideoJobProvider.ProviderName + " submit",
        _ => throw new ArgumentOutOfRangeException(nameof(client)),
    };

    public static async Task CallAsync(string client, AzureOpenAIKit kit)
    {
        switch (client)
        {
            case Planner:
                await kit.Planner().PlanAsync(new PlanRequest { Prompt = "A 10-second ad for a coffee brand", DurationSeconds = 10 }, CancellationToken.None);
                break;
            case Moderation:
                await kit.Moderator().CheckTextAsync("A cosy coffee shop at dawn", CancellationToken.None);
                break;
            case Speech:
                await kit.Speech().SynthesizeAsync(new SpeechRequest { Text = "Fresh coffee every morning." }, kit.Temp.File("voice.wav"), CancellationToken.None);
                break;
            case Transcription:
                await kit.Transcriber().TranscribeAsync(await TestMedia.WavAsync(2.5), new TranscriptionOptions(), CancellationToken.None);
                break;
            case Sora1:
                await kit.Sora1().SubmitAsync(Scene(Resolution.Landscape720, 4), CancellationToken.None);
                break;
            case Sora2:
                await kit.Sora2().SubmitAsync(Scene(Resolution.Landscape720, 4), CancellationToken.None);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(client));
        }
    }

    public static SceneClipRequest Scene(Resolution resolution, double seconds, string description = "Wide shot of a sunny kitchen", long seed = 0) => new()
    {
        Scene = new Scene
        {
            SceneNumber = 1,
            Description = description,
            DurationSeconds = seconds,
            Entities = [new SceneEntity("person", "center", "pouring_coffee")],
            VisualStyle = new VisualStyle { Lighting = "warm", ColorPalette = "earth_tones" },
        },
        SceneCount = 1,
        Resolution = resolution,
        Fps = 30,
        FrameCount = (int)Math.Round(seconds * 30),
        Seed = seed,
    };
}
