using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Azure.AI.OpenAI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoPipeline.Domain;

namespace VideoPipeline.Providers.AzureOpenAI;

/// <summary>
/// Routes each Azure OpenAI call to a deployment: the preferred one first, the next one on a 429 or quota error;
/// when every deployment is throttled it waits (Retry-After) and starts again from the first, at most
/// <see cref="AzureOpenAIOptions.MaxRetries"/> times. Calls run on the SDK's <see cref="AzureOpenAIClient"/>
/// (typed chat and transcription, or v1 requests on its <see cref="ClientPipeline"/>), whose
/// <see cref="DeploymentRetryPolicy"/> retries 5xx, 408, timeouts and network failures on the same deployment.
/// Failures become pipeline errors: a content-filter refusal is a permanent CONTENT_REJECTED, another 4xx a
/// permanent PROVIDER_REJECTED, and what retries could not fix (or a body outside the contract) is transient.
/// </summary>
public sealed class AzureOpenAIRouter(
    AzureOpenAIClients clients,
    IOptions<AzureOpenAIOptions> options,
    ILogger<AzureOpenAIRouter>? logger = null,
    TimeProvider? clock = null)
{
    private readonly ILogger logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    public string Currency => options.Value.Currency;

    /// <summary>Runs an SDK call against the deployments in order until one answers.</summary>
    /// <exception cref="PermanentPipelineException">Content filter (CONTENT_REJECTED) or another 4xx (PROVIDER_REJECTED).</exception>
    /// <exception cref="TransientPipelineException">Still throttled, failing or unreachable after the retries, or an answer outside the contract.</exception>
    public async Task<AzureOpenAIResult<T>> CallAsync<T>(
        string operation,
        IReadOnlyList<AzureOpenAIDeployment> deployments,
        TimeSpan timeout,
        Func<AzureOpenAIClient, AzureOpenAIDeployment, CancellationToken, Task<T>> call,
        CancellationToken cancellationToken)
    {
        if (deployments.Count == 0)
        {
            throw new PermanentPipelineException(ErrorCodes.ProviderRejected, $"Azure OpenAI {operation}: no deployment is configured");
        }

        var started = this.clock.GetTimestamp();
        var index = 0;
        var throttledRounds = 0;
        while (true)
        {
            var deployment = deployments[index];
            TimeSpan? retryAfter;
            string problem;
            try
            {
                var value = await call(clients.For(deployment, timeout), deployment, cancellationToken);
                return new AzureOpenAIResult<T>(value, deployment, this.clock.GetElapsedTime(started));
            }
            catch (ClientResultException e) when (e.GetRawResponse() is { } response && DeploymentRetryPolicy.IsThrottled(response))
            {
                retryAfter = DeploymentRetryPolicy.RetryAfter(response);
                problem = Problem(deployment, response);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not (PermanentPipelineException or TransientPipelineException))
            {
                throw Failure(operation, deployment, timeout, e);
            }

            if (index + 1 < deployments.Count)
            {
                index++;
                this.logger.FailingOver(operation, problem, deployments[index].Label);
                continue;
            }

            if (++throttledRounds > options.Value.MaxRetries)
            {
                throw new TransientPipelineException($"Azure OpenAI {operation} failed after {throttledRounds} attempts: {problem}");
            }

            // Every deployment is throttled: after the wait the preferred one is the best bet again.
            var delay = retryAfter ?? DeploymentRetryPolicy.Backoff(options.Value.RetryDelay, throttledRounds);
            delay = delay > options.Value.MaxRetryDelay ? options.Value.MaxRetryDelay : delay;
            this.logger.Retrying(operation, problem, throttledRounds, delay);
            index = 0;
            await Task.Delay(delay, this.clock, cancellationToken);
        }
    }

    /// <summary>Sends a v1 request through the SDK pipeline until it succeeds or fails for good; the caller disposes the response.</summary>
    public async Task<AzureOpenAIResponse> SendAsync(AzureOpenAICall call, CancellationToken cancellationToken)
    {
        var result = await this.CallAsync(
            call.Operation,
            call.Deployments,
            call.Timeout,
            async (client, deployment, token) =>
            {
                var request = call.CreateRequest(deployment);
                using var message = client.Pipeline.CreateMessage();
                message.Request.Method = request.Method;
                message.Request.Uri = request.Url;
                if (request.Body is { } body)
                {
                    message.Request.Headers.Set("Content-Type", "application/json");
                    message.Request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
                }

                message.Apply(new RequestOptions { CancellationToken = token, BufferResponse = !call.Streamed });
                await client.Pipeline.SendAsync(message);
                var response = message.Response!;
                if (response.IsError && !call.AlsoSuccessful.Contains(response.Status))
                {
                    DeploymentRetryPolicy.ErrorBody(response);
                    throw new ClientResultException(response);
                }

                return message.ExtractResponse() ?? throw new InvalidOperationException("The pipeline returned no response");
            },
            cancellationToken);
        return new AzureOpenAIResponse(result.Value, result.Deployment, result.Elapsed);
    }

    /// <summary>Sends a v1 request and parses its JSON body, which must be an object.</summary>
    /// <exception cref="TransientPipelineException">The body is not a JSON object; the message names the call.</exception>
    public async Task<AzureOpenAIJson> SendForJsonAsync(AzureOpenAICall call, CancellationToken cancellationToken)
    {
        using var response = await this.SendAsync(call, cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(response.Message.Content);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"expected an object, got {document.RootElement.ValueKind}");
            }

            return new AzureOpenAIJson(document.RootElement.Clone(), response.Deployment, response.Elapsed, DeploymentRetryPolicy.RetryAfter(response.Message));
        }
        catch (JsonException e)
        {
            throw Malformed(call.Operation, response.Deployment, e, response.Message.Content.ToString());
        }
    }

    /// <summary>For a well-formed answer that lacks what the contract promises.</summary>
    public static TransientPipelineException UnexpectedAnswer(string operation, AzureOpenAIDeployment deployment, string problem) =>
        new($"Azure OpenAI {operation} ({deployment.Label}) gave an unexpected answer: {problem}");

    private static Exception Failure(string operation, AzureOpenAIDeployment deployment, TimeSpan timeout, Exception error)
    {
        switch (error)
        {
            case ClientResultException { Status: > 0 } e when e.GetRawResponse() is { } response:
                var problem = Problem(deployment, response);
                var parsed = AzureOpenAIError.Parse(DeploymentRetryPolicy.ErrorBody(response));
                if (parsed.IsContentFilter)
                {
                    return new PermanentPipelineException(
                        ErrorCodes.ContentRejected,
                        $"Azure OpenAI {operation} was refused by the content filter ({deployment.Label}, {parsed.InnerCode ?? parsed.Code}): {parsed.Message}");
                }

                return Resilience.OutboundResilience.IsTransient((System.Net.HttpStatusCode)response.Status)
                    ? new TransientPipelineException($"Azure OpenAI {operation} failed after its retries: {problem}", error)
                    : new PermanentPipelineException(ErrorCodes.ProviderRejected, $"Azure OpenAI {operation} failed: {problem}");
            case AggregateException { InnerExceptions.Count: > 0 } retries:
                return Failure(operation, deployment, timeout, retries.InnerExceptions[^1]);
            case OperationCanceledException:
                return new TransientPipelineException($"Azure OpenAI {operation}: {deployment.Label} did not answer within {timeout}", error);
            case JsonException or FormatException:
            case InvalidOperationException { Source: "System.Text.Json" }:
                return Malformed(operation, deployment, error, null);
            default:
                return new TransientPipelineException($"Azure OpenAI {operation}: {deployment.Label} is unreachable ({error.Message})", error);
        }
    }

    private static TransientPipelineException Malformed(string operation, AzureOpenAIDeployment deployment, Exception error, string? body) =>
        new($"Azure OpenAI {operation} ({deployment.Label}) answered with malformed JSON ({error.Message}){(body is null ? string.Empty : $"; body starts '{Snippet(body)}'")}", error);

    private static string Problem(AzureOpenAIDeployment deployment, PipelineResponse response)
    {
        var error = AzureOpenAIError.Parse(DeploymentRetryPolicy.ErrorBody(response));
        return $"{deployment.Label} answered {response.Status} {error.Code ?? response.ReasonPhrase}: {error.Message}".TrimEnd(' ', ':');
    }

    private static string Snippet(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length > 80 ? flat[..80] + "…" : flat;
    }
}
