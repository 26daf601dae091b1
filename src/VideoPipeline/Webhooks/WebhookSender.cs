using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Mime;
using Microsoft.Extensions.Options;
using VideoPipeline.Media.Fetching;

namespace VideoPipeline.Webhooks;

/// <summary>
/// Makes one signed delivery attempt and classifies it; retries and the delivery log belong to the caller
/// (<see cref="WebhookRetrySchedule"/>). Webhook URLs are user-supplied, so requests go through the same
/// SSRF guard as downloads: public addresses only, checked on the address connected to, redirects not followed.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly WebhookSenderOptions options;
    private readonly HttpClient http;
    private readonly TimeProvider time;

    public WebhookSender(IOptions<WebhookSenderOptions> options, TimeProvider? time = null)
        : this(options, DestinationPolicy.PublicInternetOnly, time)
    {
    }

    internal WebhookSender(IOptions<WebhookSenderOptions> options, DestinationPolicy policy, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.http = GuardedHttp.CreateClient(policy, this.options.Timeout);
        this.time = time ?? TimeProvider.System;
    }

    /// <param name="webhookId">The message id, the same on every retry of this message.</param>
    /// <param name="body">The JSON payload, sent and signed byte for byte.</param>
    public async Task<WebhookDeliveryResult> SendAsync(
        Uri endpoint, string webhookId, ReadOnlyMemory<byte> body, WebhookSigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        ArgumentNullException.ThrowIfNull(signer);

        var attemptedAt = this.time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        WebhookDeliveryResult Result(WebhookDeliveryOutcome outcome, HttpStatusCode? status, string? reason, TimeSpan? retryAfter = null) =>
            new(outcome, status, reason, retryAfter, attemptedAt, stopwatch.Elapsed);

        try
        {
            GuardedHttp.ValidateUrl(endpoint, this.options.HttpsOnly);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ReadOnlyMemoryContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaTypeNames.Application.Json) { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(WebhookHeaderNames.Id, webhookId);
            request.Headers.TryAddWithoutValidation(WebhookHeaderNames.Timestamp, attemptedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(WebhookHeaderNames.Signature, signer.Sign(webhookId, attemptedAt, body.Span));

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(this.options.Timeout);

            // Headers only: the receiver's body is of no interest and could be endless.
            using var response = await this.http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = response.StatusCode;
            return (int)status switch
            {
                >= 200 and < 300 => Result(WebhookDeliveryOutcome.Delivered, status, null),
                410 => Result(WebhookDeliveryOutcome.Gone, status, "the receiver answered 410 Gone: stop sending"),
                >= 300 and < 400 => Result(WebhookDeliveryOutcome.Failed, status, $"the receiver answered {(int)status}; redirects are not followed"),
                >= 400 and < 500 when !IsTransientClientError(status) =>
                    Result(WebhookDeliveryOutcome.Rejected, status, $"the receiver answered {(int)status} {response.ReasonPhrase}: not retried"),
                _ => Result(WebhookDeliveryOutcome.Failed, status, $"the receiver answered {(int)status} {response.ReasonPhrase}", RetryAfter(response, attemptedAt)),
            };
        }
        catch (DownloadRefusedException e)
        {
            return Result(WebhookDeliveryOutcome.Refused, null, e.Reason);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(WebhookDeliveryOutcome.Failed, null, $"no answer within {this.options.Timeout}");
        }
        catch (HttpRequestException e)
        {
            return GuardedHttp.Unwrap(e) is DownloadRefusedException refused
                ? Result(WebhookDeliveryOutcome.Refused, null, refused.Reason)
                : Result(WebhookDeliveryOutcome.Failed, null, $"network failure: {e.Message}");
        }
    }

    public void Dispose() => this.http.Dispose();

    // Timeout, conflict, too early, throttled: the receiver may take the same message later.
    private static bool IsTransientClientError(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or (HttpStatusCode)425 or HttpStatusCode.TooManyRequests;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date > now ? date - now : TimeSpan.Zero) : null;
    }
}
