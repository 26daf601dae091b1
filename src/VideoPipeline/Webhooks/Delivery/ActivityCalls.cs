using Microsoft.DurableTask;
using VideoPipeline.Durable;

namespace VideoPipeline.Webhooks.Delivery;

/// <summary>One typed call per activity of webhook delivery: its name, input and output come from the activity class itself.</summary>
public static class WebhookActivityCalls
{
    public static Task<NextWebhookEvent?> CallFindNextWebhookEventAsync(this TaskOrchestrationContext context, FindNextWebhookEventInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<FindNextWebhookEventActivity, FindNextWebhookEventInput, NextWebhookEvent?>(input, options);

    public static Task<SendWebhookResult> CallSendWebhookAsync(this TaskOrchestrationContext context, SendWebhookInput input, TaskOptions? options = null) =>
        context.CallActivityAsync<SendWebhookActivity, SendWebhookInput, SendWebhookResult>(input, options);
}
