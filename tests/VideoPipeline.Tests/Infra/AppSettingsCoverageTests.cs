using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Infra;

/// <summary>
/// Every app setting the code reads (the Values of local.settings.sample.json, which another test keeps
/// complete) is set by the Bicep or listed in infra/app-settings.json with the reason it may stay unset. A
/// setting added to the code later fails here until one of the two takes it.
/// </summary>
public sealed partial class AppSettingsCoverageTests
{
    [Fact]
    public async Task Every_setting_the_code_reads_is_set_by_the_bicep_or_listed_as_optional_with_a_reason()
    {
        var set = await BicepSettingsAsync();
        var (optional, identityConnections, _) = Listed();

        var uncovered = SampleSettings().Where(name =>
            !set.Contains(name)
            && !optional.ContainsKey(name)
            && !(identityConnections.Contains(name) && set.Any(s => s.StartsWith(name + "__", StringComparison.Ordinal))));

        Assert.True(!uncovered.Any(), $"Set these in infra/modules/functions.bicep or list them with a reason in infra/app-settings.json: {string.Join(", ", uncovered)}");
    }

    [Fact]
    public async Task Every_setting_the_bicep_sets_is_one_the_code_or_the_functions_host_reads()
    {
        var sample = SampleSettings().ToHashSet(StringComparer.Ordinal);
        var (_, identityConnections, host) = Listed();

        var unknown = (await BicepSettingsAsync()).Where(name =>
            !sample.Contains(name)
            && !host.Contains(name)
            && !identityConnections.Any(c => name.StartsWith(c + "__", StringComparison.Ordinal))
            && !sample.Contains(ListIndex().Replace(name, "__0"))); // the sample documents a list by its first entry

        Assert.True(!unknown.Any(), $"The Bicep sets settings nothing reads (a typo?): {string.Join(", ", unknown)}");
    }

    [Fact]
    public async Task No_setting_is_both_set_by_the_bicep_and_listed_as_optional()
    {
        var set = await BicepSettingsAsync();

        Assert.DoesNotContain(Listed().Optional.Keys, set.Contains);
    }

    [Fact]
    public void Every_optional_setting_is_one_the_code_still_reads_and_has_a_reason()
    {
        var sample = SampleSettings().ToHashSet(StringComparer.Ordinal);
        var (optional, _, _) = Listed();

        Assert.DoesNotContain(optional.Keys, name => !sample.Contains(name));
        Assert.All(optional, entry => Assert.True(entry.Value.Length >= 20, $"{entry.Key} needs a reason"));
    }

    private static IEnumerable<string> SampleSettings() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Emulators.RepositoryRoot, "local.settings.sample.json")))!["Values"]!.AsObject().Select(p => p.Key);

    /// <summary>The names in the Function app's appsettings resource, read from the compiled template.</summary>
    private static async Task<HashSet<string>> BicepSettingsAsync()
    {
        var config = BicepCompiler.Resources(await BicepCompiler.MainAsync())
            .Single(r => (string?)r["type"] == "Microsoft.Web/sites/config" && ((string?)r["name"])?.Contains("appsettings", StringComparison.Ordinal) == true);
        var properties = config["properties"] as JsonObject
            ?? throw new InvalidOperationException("Keep the appsettings properties a literal object in functions.bicep, so their names can be read here.");
        return properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static (Dictionary<string, string> Optional, HashSet<string> IdentityConnections, HashSet<string> Host) Listed()
    {
        var listed = JsonNode.Parse(File.ReadAllText(Path.Combine(Emulators.RepositoryRoot, "infra", "app-settings.json")))!;
        var optional = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in listed["optional"]!.AsArray())
        {
            foreach (var name in group!["settings"]!.AsArray())
            {
                Assert.True(optional.TryAdd((string)name!, (string)group["reason"]!), $"{name} is listed twice in infra/app-settings.json");
            }
        }

        return (optional, Names(listed["identityConnections"]!), Names(listed["hostSettings"]!));

        static HashSet<string> Names(JsonNode group) => group["settings"]!.AsArray().Select(n => (string)n!).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"__\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ListIndex();
}
