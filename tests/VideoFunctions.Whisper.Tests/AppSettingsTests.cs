using System.Text.Json.Nodes;
using VideoPipeline.Tests.TestSupport;

namespace VideoFunctions.Whisper.Tests;

/// <summary>The server's appsettings.json and README document every one of its settings, and only real ones.</summary>
public sealed class AppSettingsTests
{
    private static readonly string Project = Path.Combine(Emulators.RepositoryRoot, "src", "VideoFunctions.Whisper");

    [Fact]
    public void Appsettings_lists_exactly_the_options_the_server_binds()
    {
        var section = JsonNode.Parse(File.ReadAllText(Path.Combine(Project, "appsettings.json")))![WhisperServerOptions.Section]!.AsObject();

        Assert.Equal(OptionNames().Order(), section.Select(p => p.Key).Order());
    }

    [Fact]
    public void Readme_describes_every_setting()
    {
        var readme = File.ReadAllText(Path.Combine(Emulators.RepositoryRoot, "infra", "containers", "whisper-net", "README.md"));

        Assert.All(OptionNames(), name => Assert.Matches($"`{name}(`|__)", readme));
    }

    private static IEnumerable<string> OptionNames() => typeof(WhisperServerOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name);
}
