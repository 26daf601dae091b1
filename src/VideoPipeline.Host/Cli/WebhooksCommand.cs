using System.CommandLine;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VideoPipeline.Host.Api.Auth;
using VideoPipeline.Webhooks;

namespace VideoPipeline.Host.Cli;

/// <summary>
/// <c>webhooks listen --port N</c>: a local receiver that verifies each webhook (Standard Webhooks signature and
/// timestamp) and prints it, for trying webhooks on a developer machine. Loopback only; the API reaches it when
/// run in Development with the port in <c>Webhooks__DevelopmentLoopbackPorts__0</c>.
/// </summary>
public static class WebhooksCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to listen on", DefaultValueFactory = _ => 8787 };
        var secret = new Option<string?>("--secret") { Description = "The owner's whsec_… secret (default: fetched from the API with --key)" };
        var key = new Option<string?>("--key") { Description = "API key to fetch the secret with (GET /api/webhooks/default/secret)" };
        var api = new Option<Uri>("--api") { Description = "The API's base URL", DefaultValueFactory = _ => new Uri("http://localhost:7071") };
        var listen = new Command("listen", "Receive webhooks on 127.0.0.1, verify and print them") { port, secret, key, api };
        listen.SetAction(async (parsed, cancellationToken) =>
        {
            var whsec = parsed.GetValue(secret) ?? await FetchSecretAsync(parsed.GetValue(api)!, parsed.GetValue(key), cancellationToken);
            return await ListenAsync(parsed.GetValue(port), whsec, cancellationToken);
        });
        return new Command("webhooks", "Webhook tools") { listen };
    }

    private static async Task<string> FetchSecretAsync(Uri api, string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new CliUsageException("give --secret whsec_… or --key KEY (the secret is then read from the API)");
        }

        using var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        var body = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/webhooks/default/secret", UriKind.Relative), cancellationToken);
        return body.GetProperty("key").GetString() ?? throw new InvalidOperationException("The API answered without a key");
    }

    private static async Task<int> ListenAsync(int port, string secret, CancellationToken cancellationToken)
    {
        var verifier = new WebhookVerifier(secret);
        var seen = new ConcurrentDictionary<string, int>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var headers = context.Request.Headers;
            string id = headers[WebhookHeaderNames.Id].ToString();
            try
            {
                verifier.Verify(id, headers[WebhookHeaderNames.Timestamp], headers[WebhookHeaderNames.Signature], buffer.ToArray());
            }
            catch (WebhookVerificationException e)
            {
                await Console.Out.WriteLineAsync($"{DateTime.Now:HH:mm:ss} REJECTED {id}: {e.Message}");
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var times = seen.AddOrUpdate(id, 1, (_, n) => n + 1);
            await Console.Out.WriteLineAsync($"{DateTime.Now:HH:mm:ss} verified {id}{(times > 1 ? $" (seen {times} times: a retry or redelivery)" : string.Empty)}");
            await Console.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        await app.StartAsync(cancellationToken);
        await Console.Out.WriteLineAsync($"Listening on http://127.0.0.1:{port}/ (Ctrl+C stops). Use it as webhook_url with the API in Development and Webhooks__DevelopmentLoopbackPorts__0={port}.");
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
    }
}
