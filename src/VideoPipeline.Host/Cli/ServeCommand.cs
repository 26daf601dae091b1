using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VideoPipeline.Host.Api;
using VideoPipeline.Host.Api.Auth;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// <c>serve</c> (the default of <c>./run.sh</c>): the HTTP API on http://localhost:7071 and the durable
/// worker in one process, until Ctrl+C or SIGTERM; unfinished work goes back to the queues.
/// </summary>
public static class ServeCommand
{
    public const string DevOwner = "dev";

    public static Command Create()
    {
        var command = new Command("serve", "Run the HTTP API and the worker (http://localhost:7071 by default)");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = ApiHost.Build();
            if (await app.Services.GetRequiredService<StoragePreflight>().CheckAsync(cancellationToken) is { } down)
            {
                await Console.Error.WriteLineAsync($"error: {down}");
                return ExitCodes.Failed;
            }

            var keys = app.Services.GetRequiredService<ApiKeyStore>();
            var devKey = keys.IsEmpty ? DevKey() : null;
            if (devKey is not null)
            {
                keys.Add(DevOwner, devKey);
            }

            await app.StartAsync(cancellationToken);
            var url = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Urls.Split(';')[0].TrimEnd('/');
            await Console.Out.WriteLineAsync($"VideoFunctions API on {url} (Ctrl+C stops)");
            if (devKey is not null)
            {
                await Console.Out.WriteLineAsync($"dev API key (owner '{DevOwner}'; set {ApiKeyStore.EnvironmentVariable}=owner:key,... for your own): {devKey}");
                await Console.Out.WriteLineAsync(
                    $"try: curl -s -X POST {url}/api/video/generate -H 'x-functions-key: {devKey}' -H 'content-type: application/json' "
                    + "-d '{\"prompt\":\"A 30-second ad for a new coffee brand showing a morning routine\",\"duration_seconds\":30}'");
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping is this verb's normal end.
            }

            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }

    // Kept under .data so the key survives restarts of a local stack; never in the repository.
    private static string DevKey()
    {
        var path = Path.Combine(".data", "dev-api-key");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(".data");
        var key = ApiKeyStore.NewKey();
        File.WriteAllText(path, key);
        return key;
    }
}
