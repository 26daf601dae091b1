using System.Text.Json;
using Microsoft.Azure.Cosmos;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Tests.Storage;

[Collection(EmulatorGroup.Name)]
public sealed class CosmosTaskStoreTests(EmulatorFixture emulators)
{
    private readonly string owner = Names.Unique("user-");
    private readonly CosmosTaskStore store = emulators.CreateTaskStore();

    [Fact]
    public async Task UpdateAsync_50_concurrent_writers_lose_no_update()
    {
        await this.CreateAsync("hot");

        await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(() => this.store.UpdateAsync(this.owner, "hot", task => task with
        {
            Progress = i * 2,
            Output = new Dictionary<string, string>(task.Output) { [$"w{i}"] = $"renders/{i}.mp4" },
        }))));
        var final = await this.store.GetAsync(this.owner, "hot");

        Assert.Equal(50, final!.Output.Count);
        Assert.Equal(100, final.Progress);
    }

    [Fact]
    public async Task ReportProgressAsync_lower_value_keeps_the_higher_progress()
    {
        await this.CreateAsync("p");
        await this.store.ReportProgressAsync(this.owner, "p", 60, "render");

        var after = await this.store.ReportProgressAsync(this.owner, "p", 40, "caption");

        Assert.Equal(60, after.Progress);
        Assert.Equal("caption", after.CurrentStage);
    }

    [Fact]
    public async Task UpdateAsync_with_stale_etag_from_outside_is_retried_not_lost()
    {
        await this.CreateAsync("e");
        var calls = 0;

        var updated = await this.store.UpdateAsync(this.owner, "e", task =>
        {
            // A concurrent writer gets in between our read and our write, once.
            if (Interlocked.Increment(ref calls) == 1)
            {
                this.store.UpdateAsync(this.owner, "e", t => t with { RetryCount = t.RetryCount + 1 }).GetAwaiter().GetResult();
            }

            return task with { Status = TaskRecordStatus.Running };
        });

        Assert.Equal(2, calls);
        Assert.Equal(TaskRecordStatus.Running, updated.Status);
        Assert.Equal(1, updated.RetryCount);
    }

    [Fact]
    public async Task SoftDeleteAsync_hides_the_record_from_get_and_list()
    {
        await this.CreateAsync("d");

        await this.store.SoftDeleteAsync(this.owner, "d");

        Assert.Null(await this.store.GetAsync(this.owner, "d"));
        Assert.Empty((await this.store.ListAsync(this.owner)).Items);
        Assert.True((await this.store.GetAsync(this.owner, "d", includeDeleted: true))!.IsDeleted);
    }

    [Fact]
    public async Task SoftDeleteAsync_sets_the_retention_ttl()
    {
        await this.CreateAsync("ttl");

        var deleted = await this.store.SoftDeleteAsync(this.owner, "ttl");

        Assert.Equal((int)TimeSpan.FromDays(30).TotalSeconds, deleted.Ttl);
    }

    [Fact]
    public async Task RestoreAsync_brings_a_soft_deleted_record_back()
    {
        await this.CreateAsync("r");
        await this.store.SoftDeleteAsync(this.owner, "r");

        await this.store.RestoreAsync(this.owner, "r");
        var restored = await this.store.GetAsync(this.owner, "r");

        Assert.NotNull(restored);
        Assert.False(restored.IsDeleted);
        Assert.Null(restored.Ttl);
    }

    [Fact]
    public async Task ListAsync_status_filter_returns_only_that_status()
    {
        await this.CreateAsync("a");
        await this.CreateAsync("b");
        await this.store.UpdateAsync(this.owner, "b", t => t with { Status = TaskRecordStatus.Failed, Error = new TaskError("render_failed", "ffmpeg exited 1", true, "render") });

        var failed = await this.store.ListAsync(this.owner, new TaskListQuery { Status = TaskRecordStatus.Failed });

        Assert.Equal("b", Assert.Single(failed.Items).Id);
        Assert.Equal("render", failed.Items[0].Error!.FailedStage);
    }

    [Fact]
    public async Task ListAsync_pages_newest_first_through_continuation_tokens()
    {
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < 7; i++)
        {
            await this.CreateAsync($"t{i}", start.AddMinutes(i));
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await this.store.ListAsync(this.owner, new TaskListQuery { PageSize = 3, ContinuationToken = token });
            seen.AddRange(page.Items.Select(t => t.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(["t6", "t5", "t4", "t3", "t2", "t1", "t0"], seen);
    }

    [Fact]
    public async Task ListAsync_never_returns_another_owners_tasks()
    {
        await this.CreateAsync("mine");
        await this.store.CreateAsync(NewTask("theirs") with { OwnerId = this.owner + "-other" });

        var page = await this.store.ListAsync(this.owner);

        Assert.Equal("mine", Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task CreateAsync_twice_throws_TaskAlreadyExistsException()
    {
        await this.CreateAsync("dup");

        await Assert.ThrowsAsync<TaskAlreadyExistsException>(() => this.CreateAsync("dup"));
    }

    [Fact]
    public async Task UpdateAsync_missing_record_throws_TaskNotFoundException()
    {
        await Assert.ThrowsAsync<TaskNotFoundException>(() => this.store.UpdateAsync(this.owner, "missing", t => t));
    }

    [Fact]
    public async Task CreateAsync_stores_camel_case_json_with_snake_case_enums()
    {
        await this.CreateAsync("json", type: TaskRecordType.BackgroundMusic);

        var container = emulators.Cosmos.GetContainer(emulators.TaskOptions.Database, emulators.TaskOptions.Container);
        using var response = await container.ReadItemStreamAsync("json", new PartitionKey(this.owner));
        using var document = await JsonDocument.ParseAsync(response.Content);
        var root = document.RootElement;

        Assert.Equal(this.owner, root.GetProperty("ownerId").GetString());
        Assert.Equal("background_music", root.GetProperty("type").GetString());
        Assert.Equal("pending", root.GetProperty("status").GetString());
        Assert.Equal("a cat", root.GetProperty("input").GetProperty("prompt").GetString());
        Assert.False(root.TryGetProperty("ttl", out _));
    }

    [Fact]
    public async Task UnreachableAccount_gives_one_message_naming_the_service_and_how_to_start_it()
    {
        using var client = CosmosClientFactory.Create(new TaskStoreOptions
        {
            ConnectionString = $"AccountEndpoint=https://127.0.0.1:{LoopbackHttpServer.FreePort()}/;AccountKey=a2V5",
            RequestTimeout = TimeSpan.FromSeconds(2),
        });
        var unreachable = new CosmosTaskStore(client, Microsoft.Extensions.Options.Options.Create(new TaskStoreOptions()));

        var error = await Assert.ThrowsAsync<TaskStoreUnavailableException>(() => unreachable.GetAsync("o", "x"));

        Assert.Contains("Cosmos DB account at https://127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/emulators.sh start", error.Message, StringComparison.Ordinal);
    }

    private Task<TaskRecord> CreateAsync(string id, DateTimeOffset? createdAt = null, TaskRecordType type = TaskRecordType.Generate) =>
        this.store.CreateAsync(NewTask(id) with { OwnerId = this.owner, Type = type, CreatedAt = createdAt ?? default });

    private static TaskRecord NewTask(string id) => new()
    {
        Id = id,
        OwnerId = "unset",
        Type = TaskRecordType.Generate,
        Input = JsonSerializer.SerializeToElement(new { prompt = "a cat" }),
    };
}
