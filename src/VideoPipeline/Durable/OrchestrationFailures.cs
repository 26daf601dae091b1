using DurableTask.Core.Exceptions;

namespace VideoPipeline.Durable;

/// <summary>Exceptions the runtime raises through orchestrator code, which a workflow must never catch and handle.</summary>
public static class OrchestrationFailures
{
    public static bool IsRuntimeSignal(Exception exception) => exception is NonDeterministicOrchestrationException or OrchestrationFrameworkException;
}
