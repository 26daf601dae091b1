namespace VideoPipeline.Durable.Engine;

/// <summary>
/// Starts and manages orchestrations (Durable's <c>DurableTaskClient</c>). Everything that changes a
/// running instance travels as a message, so the dispatcher stays the only writer of its history.
/// </summary>
public sealed class DurableClient(DurableEngine engine)
{
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string name, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default) =>
        (await this.StartInstanceAsync(name, input, options, cancellationToken)).InstanceId;

    /// <summary>
    /// Schedules like <see cref="ScheduleNewOrchestrationInstanceAsync"/> and returns the instance as stored: the
    /// new one, or the one that already had the id (idempotent on id). Saves the caller reading it back.
    /// </summary>
    public async Task<OrchestrationMetadata> StartInstanceAsync(
        string name, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        engine.Registry.GetOrchestratorType(name);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var now = engine.UtcNow;
        var start = new WorkMessage
        {
            Id = $"{instanceId}:start",
            Kind = WorkMessageKind.ExecutionStarted,
            InstanceId = instanceId,
            ExecutionId = Guid.NewGuid().ToString("N"),
            Name = name,
            Payload = engine.Converter.Serialize(input),
            Priority = options?.Priority ?? 0,
            CreatedAt = now,
        };

        // The document first (one write decides a race on the id), then its start message.
        if (await engine.Store.TryCreateAsync(OrchestrationDispatcher.NewInstance(start, now), cancellationToken) is { } created)
        {
            engine.Admission.Noted(created);
            await engine.SendAsync(start, cancellationToken);
            return this.ToMetadata(created, withData: true, history: null);
        }

        var existing = await this.RequireAsync(instanceId, cancellationToken);
        if (existing.Status == OrchestrationRuntimeStatus.Pending && existing.StartedAt is null && existing.Parent is null)
        {
            // Its start may have been lost (the caller died between the two writes): send it again. Same
            // message id, so a start still queued and this one count once.
            await engine.SendAsync(InstanceAdmission.StartMessage(existing), cancellationToken);
        }

        return this.ToMetadata(existing, withData: true, history: null);
    }

    public async Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = true, bool getHistory = false, CancellationToken cancellationToken = default)
    {
        var state = await engine.Store.GetInstanceAsync(instanceId, cancellationToken);
        if (state is null)
        {
            return null;
        }

        var history = getHistory ? await engine.Store.GetHistoryAsync(state, cancellationToken) : null;
        return this.ToMetadata(state, getInputsAndOutputs, history);
    }

    public async Task<(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken)> QueryInstancesAsync(
        InstanceQuery query, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var page = await engine.Store.QueryAsync(query, cancellationToken);
        return (page.Instances.Select(s => this.ToMetadata(s, getInputsAndOutputs, null)).ToList(), page.ContinuationToken);
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload = null, CancellationToken cancellationToken = default)
    {
        var state = await this.RequireAsync(instanceId, cancellationToken);
        await engine.SendAsync(
            new WorkMessage
            {
                Id = $"{instanceId}:event:{Guid.NewGuid():N}",
                Kind = WorkMessageKind.EventRaised,
                InstanceId = instanceId,
                ExecutionId = state.ExecutionId,
                Name = eventName,
                Payload = engine.Converter.Serialize(payload),
                CreatedAt = engine.UtcNow,
            },
            cancellationToken);
    }

    /// <summary>Stops the instance: nothing more is scheduled and its running activities are cancelled.</summary>
    /// <returns>False when the instance had already finished.</returns>
    public async Task<bool> TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        var state = await this.RequireAsync(instanceId, cancellationToken);
        if (state.IsTerminal)
        {
            return false;
        }

        await this.SendLifecycleAsync(state, WorkMessageKind.Terminate, reason ?? "terminated", cancellationToken);
        engine.CancelActivities(instanceId);
        return true;
    }

    public async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        await this.SendLifecycleAsync(await this.RequireAsync(instanceId, cancellationToken), WorkMessageKind.Suspend, reason, cancellationToken);

    public async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        await this.SendLifecycleAsync(await this.RequireAsync(instanceId, cancellationToken), WorkMessageKind.Resume, reason, cancellationToken);

    /// <summary>Deletes a finished instance and its history; a running one is not purged.</summary>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await engine.Store.GetInstanceAsync(instanceId, cancellationToken);
        if (state is null || !state.IsTerminal)
        {
            return false;
        }

        engine.Forget(instanceId);
        return await engine.Store.PurgeAsync(instanceId, cancellationToken);
    }

    /// <summary>Runs a finished instance again with its original input, as a new execution (or a new instance).</summary>
    public async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellationToken = default)
    {
        var state = await this.RequireAsync(instanceId, cancellationToken);
        if (!state.IsTerminal)
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is {state.Status}; only finished instances restart");
        }

        if (restartWithNewInstanceId)
        {
            return await this.ScheduleNewOrchestrationInstanceAsync(
                state.Name, engine.Converter.Deserialize<System.Text.Json.JsonElement?>(state.Input), new StartOrchestrationOptions { Priority = state.Priority }, cancellationToken);
        }

        var now = engine.UtcNow;
        var reset = state with
        {
            ExecutionId = Guid.NewGuid().ToString("N"),
            Status = OrchestrationRuntimeStatus.Pending,
            Output = null,
            Failure = null,
            CustomStatus = null,
            StartedAt = null,
            CompletedAt = null,
            LastUpdatedAt = now,
            HistoryCount = 0,
            Chunks = [],
            Outbox = [],
            Buffered = [],
        };
        var start = new WorkMessage
        {
            Id = $"{instanceId}:{reset.ExecutionId}:start",
            Kind = WorkMessageKind.ExecutionStarted,
            InstanceId = instanceId,
            ExecutionId = reset.ExecutionId,
            Name = state.Name,
            Payload = state.Input,
            Priority = state.Priority,
            CreatedAt = now,
        };
        engine.Forget(instanceId);
        await engine.Store.CommitAsync(reset with { Outbox = [start] }, [], cancellationToken);
        await engine.SendAsync(start, cancellationToken);
        await engine.Store.DeleteHistoryAsync(instanceId, state.ExecutionId, cancellationToken);
        return instanceId;
    }

    /// <summary>Deletes every instance of the task hub, its history and its queues (tests, benchmarks); stop the worker first.</summary>
    public async Task DeleteTaskHubAsync(CancellationToken cancellationToken = default)
    {
        string? continuation = null;
        do
        {
            var page = await engine.Store.QueryAsync(new InstanceQuery { PageSize = 1000, ContinuationToken = continuation }, cancellationToken);
            foreach (var instance in page.Instances)
            {
                engine.Forget(instance.InstanceId);
                await engine.Store.PurgeAsync(instance.InstanceId, cancellationToken);
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
        await engine.Queues.DeleteAllAsync(cancellationToken);
    }

    /// <summary>Waits until the instance finishes (completed, failed or terminated).</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var wait = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var local = engine.WhenTerminalAsync(instanceId);
            var metadata = await this.GetInstanceAsync(instanceId, cancellationToken: cancellationToken)
                ?? throw new OrchestrationNotFoundException(instanceId);
            if (metadata.IsCompleted)
            {
                return metadata;
            }

            await Task.WhenAny(local, Task.Delay(wait, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 2, 1000));
        }
    }

    /// <summary>
    /// Where a waiting instance stands among those of its orchestrator waiting to start (highest
    /// priority first, then oldest), and when it should start: slots free as running instances reach a
    /// typical run length, and each start ahead holds its slot that long. Position 0: not waiting.
    /// The line may be up to a second old (other processes' starts show a little late): it is an estimate
    /// for pollers, read once for all of them.
    /// </summary>
    public async Task<QueuePosition> GetQueuePositionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await this.RequireAsync(instanceId, cancellationToken);
        if (state.Parent is not null)
        {
            // Sub-orchestrations are never held back.
            return new QueuePosition(0, 0, TimeSpan.Zero);
        }

        return await this.GetQueuePositionAsync(this.ToMetadata(state, withData: false, history: null), cancellationToken);
    }

    /// <inheritdoc cref="GetQueuePositionAsync(string, CancellationToken)"/>
    /// <param name="instance">A top-level instance, as just read (saves reading it again).</param>
    public async Task<QueuePosition> GetQueuePositionAsync(OrchestrationMetadata instance, CancellationToken cancellationToken = default)
    {
        var line = await engine.Admission.ReadRecentAsync(instance.Name, cancellationToken);
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending || instance.StartedAt is not null)
        {
            return new QueuePosition(0, line.Waiting.Count, TimeSpan.Zero);
        }

        var (position, waiting) = InstanceAdmission.PositionIn(line, instance.InstanceId, instance.CreatedAt, instance.Priority);
        if (!engine.Options.InstanceConcurrency.TryGetValue(instance.Name, out var slots))
        {
            // Unlimited: it starts as soon as a worker takes its message.
            return new QueuePosition(position, waiting, TimeSpan.Zero);
        }

        if (await engine.RunDurations.TypicalAsync(instance.Name, cancellationToken) is not { } run)
        {
            return new QueuePosition(position, waiting, null);
        }

        var now = engine.UtcNow;
        var free = new PriorityQueue<DateTime, DateTime>();
        foreach (var running in line.Running)
        {
            var end = running.StartedAt!.Value + run;
            free.Enqueue(end > now ? end : now, end > now ? end : now);
        }

        for (var i = line.Running.Count; i < slots; i++)
        {
            free.Enqueue(now, now);
        }

        var start = now;
        for (var i = 0; i < position && free.Count > 0; i++)
        {
            start = free.Dequeue();
            free.Enqueue(start + run, start + run);
        }

        return new QueuePosition(position, waiting, start - now);
    }

    /// <summary>The median run time of the latest completed instances of <paramref name="name"/>; null before any.</summary>
    public Task<TimeSpan?> GetTypicalRunTimeAsync(string name, CancellationToken cancellationToken = default) =>
        engine.RunDurations.TypicalAsync(name, cancellationToken);

    private async Task<InstanceState> RequireAsync(string instanceId, CancellationToken cancellationToken) =>
        await engine.Store.GetInstanceAsync(instanceId, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);

    private Task SendLifecycleAsync(InstanceState state, WorkMessageKind kind, string? reason, CancellationToken cancellationToken) =>
        engine.SendAsync(
            new WorkMessage
            {
                Id = $"{state.InstanceId}:{kind}:{Guid.NewGuid():N}",
                Kind = kind,
                InstanceId = state.InstanceId,
                Payload = reason,
                CreatedAt = engine.UtcNow,
            },
            cancellationToken);

    private OrchestrationMetadata ToMetadata(InstanceState state, bool withData, IReadOnlyList<HistoryEvent>? history) => new()
    {
        InstanceId = state.InstanceId,
        Name = state.Name,
        RuntimeStatus = state.Status,
        CreatedAt = state.CreatedAt,
        LastUpdatedAt = state.LastUpdatedAt,
        StartedAt = state.StartedAt,
        CompletedAt = state.CompletedAt,
        SerializedInput = withData ? state.Input : null,
        SerializedOutput = withData ? state.Output : null,
        SerializedCustomStatus = state.CustomStatus,
        FailureDetails = state.Failure,
        Priority = state.Priority,
        History = history,
        Converter = engine.Converter,
    };
}
