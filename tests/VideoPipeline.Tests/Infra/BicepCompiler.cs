using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Infra;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package this project restores (its folder is
/// recorded in the assembly at build time): infra/ is compiled and linted offline, nothing is downloaded.
/// </summary>
public static class BicepCompiler
{
    public static string MainTemplate => Path.Combine(Emulators.RepositoryRoot, "infra", "main.bicep");

    private static readonly Lazy<Task<JsonObject>> CompiledMain = new(async () =>
    {
        var (exitCode, stdout, stderr) = await RunAsync("build", MainTemplate, "--stdout");
        return exitCode == 0 ? JsonNode.Parse(stdout)!.AsObject() : throw new InvalidOperationException($"bicep build failed: {stderr}");
    });

    public static string Executable
    {
        get
        {
            var root = typeof(BicepCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPackageRoot").Value;
            var bicep = Path.Combine(root ?? string.Empty, "tools", "bicep");
            return File.Exists(bicep) ? bicep : throw new FileNotFoundException("The Bicep CLI package was not restored by this project's build", bicep);
        }
    }

    /// <summary>infra/main.bicep compiled to its ARM JSON, once per test run.</summary>
    public static Task<JsonObject> MainAsync() => CompiledMain.Value;

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No telemetry, and no check for a newer version: the tests stay offline.
        start.Environment["BICEP_TELEMETRY_DISABLED"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Every resource of the compiled template, nested deployments (modules) included.</summary>
    public static IEnumerable<JsonObject> Resources(JsonNode template)
    {
        var resources = template["resources"] switch
        {
            JsonObject symbolic => symbolic.Select(r => r.Value),
            JsonArray list => list.AsEnumerable(),
            _ => [],
        };
        foreach (var resource in resources.OfType<JsonObject>())
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The module of main.bicep with the given symbolic name (the template has languageVersion 2.0).</summary>
    public static JsonObject Module(JsonObject main, string name) =>
        main["resources"]?[name] as JsonObject ?? throw new InvalidOperationException($"main.bicep has no module '{name}'");
}
