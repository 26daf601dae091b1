using System.Collections;
using System.Reflection;
using System.Text.Json;
using VideoPipeline.Storage.Account;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Host.Hosting;

/// <summary>local.settings.sample.json documents every setting, and only real ones.</summary>
public sealed class LocalSettingsSampleTests
{
    private static readonly string[] NotOptions = ["Logging__"];

    [Fact]
    public void Sample_documents_every_bindable_option()
    {
        var keys = SampleKeys();

        var missing = Settings().Where(s => !keys.Any(k => k == s.Key || (s.IsCollection && k.StartsWith(s.Key + "__", StringComparison.Ordinal))));

        Assert.Empty(missing.Select(s => s.Key));
    }

    [Fact]
    public void Sample_names_only_real_settings()
    {
        var settings = Settings().ToList();

        var unknown = SampleKeys()
            .Where(k => k.Contains("__", StringComparison.Ordinal) && !NotOptions.Any(p => k.StartsWith(p, StringComparison.Ordinal)))
            .Where(k => !settings.Any(s => k == s.Key || (s.IsCollection && k.StartsWith(s.Key + "__", StringComparison.Ordinal))));

        Assert.Empty(unknown);
    }

    [Fact]
    public void Sample_documents_the_storage_connection_and_its_identity_settings()
    {
        var keys = SampleKeys();

        Assert.Contains(StorageConnection.Name, keys);
        Assert.Empty(StorageConnection.IdentitySettings.Select(k => $"{StorageConnection.Name}__{k}").Except(keys));
    }

    private static readonly Assembly[] Assemblies =
    [
        typeof(VideoPipeline.Workflow.PipelineOptions).Assembly,
                typeof(VideoPipeline.Host.Cli.CliApplication).Assembly,
    ];

    // Every options class declares its configuration section as a `Section` constant; nested sections use ':'.
    private static IEnumerable<(string Key, bool IsCollection)> Settings() =>
        StorageConnection.IdentitySettings.Select(k => ($"{StorageConnection.Name}__{k}", false)).Concat(Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null)
            .SelectMany(t => t.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && !typeof(Delegate).IsAssignableFrom(p.PropertyType) && !HasSection(p.PropertyType))
                .Select(p => ($"{t.Section!.Replace(":", "__", StringComparison.Ordinal)}__{p.Name}", p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)))))
            .Distinct();

    // A nested options class with its own Section is listed under it (e.g. DurableTask:StorageProvider).
    private static bool HasSection(Type type) => type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is not null;

    private static List<string> SampleKeys()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Emulators.RepositoryRoot, "local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToList();
    }
}
