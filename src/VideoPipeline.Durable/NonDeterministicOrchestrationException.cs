namespace VideoPipeline.Durable;

/// <summary>The orchestrator, replayed against its history, did something the history says it did not.</summary>
public sealed class NonDeterministicOrchestrationException(string message) : Exception(message);
