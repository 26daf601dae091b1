using System.Text.Json.Nodes;
using VideoPipeline.Storage;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Infra;

/// <summary>infra/*.bicep, compiled and linted with the packaged Bicep CLI, and held to what the code expects.</summary>
public sealed class BicepTemplateTests
{
    [Fact]
    public async Task Build_compiles_main_and_every_module_without_a_diagnostic()
    {
        var (exitCode, stdout, stderr) = await BicepCompiler.RunAsync("build", BicepCompiler.MainTemplate, "--stdout");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("", stderr.Trim());
        Assert.Equal("2.0", (string?)JsonNode.Parse(stdout)!["languageVersion"]);
    }

    [Fact]
    public async Task Lint_reports_no_warning_in_main_or_any_module()
    {
        var (exitCode, stdout, stderr) = await BicepCompiler.RunAsync("lint", BicepCompiler.MainTemplate);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Equal("", (stdout + stderr).Trim());
    }

    [Fact]
    public async Task Storage_creates_every_asset_container_the_code_writes_to()
    {
        var containers = (await BicepCompiler.MainAsync())["variables"]!["storageContainers"]!;

        var declared = containers["deliverables"]!.AsArray().Concat(containers["intermediates"]!.AsArray()).Select(c => (string)c!).ToList();

        Assert.Equal(AssetContainers.All.Order(), declared.Order());
        Assert.Equal(AssetContainers.Uploads, (string?)containers["uploads"]);
    }

    [Fact]
    public async Task Storage_deletes_intermediates_after_seven_days_and_never_touches_deliverables_with_that_rule()
    {
        var storage = BicepCompiler.Module(await BicepCompiler.MainAsync(), "storage")["properties"]!["template"]!["parameters"]!;

        Assert.Equal(7, (int)storage["intermediateRetentionDays"]!["defaultValue"]!);
        var containers = (await BicepCompiler.MainAsync())["variables"]!["storageContainers"]!;
        var intermediates = containers["intermediates"]!.AsArray().Select(c => (string)c!).ToList();
        Assert.Equal([AssetContainers.Audio, AssetContainers.Captions, AssetContainers.Inputs, AssetContainers.Renders], intermediates.Order());
        Assert.Empty(intermediates.Intersect(containers["deliverables"]!.AsArray().Select(c => (string)c!)));
    }

    [Fact]
    public async Task Cosmos_declares_the_containers_the_code_creates_with_their_partition_keys()
    {
        var cosmos = BicepCompiler.Module(await BicepCompiler.MainAsync(), "cosmos");
        var containers = cosmos["properties"]!["parameters"]!["containers"]!["value"]!.AsArray()
            .Select(c => ((string)c!["partitionKey"]!, (int?)c["defaultTtl"]))
            .ToList();
        var main = (await BicepCompiler.MainAsync())["variables"]!["cosmosContainers"]!;

        // CosmosTaskStore: /ownerId with TTL per item; JobEventLog: /jobId with TTL per item; WebhookSecretStore: /ownerId;
        // JobAdmission: /line.
        Assert.Equal([("/ownerId", -1), ("/jobId", -1), ("/ownerId", null), ("/line", null)], containers);
        Assert.Equal(
            [Sample("TaskStore__Container"), Sample("Webhooks__EventLog__Container"), Sample("Webhooks__Secrets__Container"), Sample("Admission__Container")],
            [(string)main["tasks"]!, (string)main["jobEvents"]!, (string)main["webhookSecrets"]!, (string)main["admission"]!]);
        Assert.Equal(Sample("TaskStore__Database"), (string?)(await BicepCompiler.MainAsync())["variables"]!["cosmosDatabase"]);
    }

    [Fact]
    public async Task Services_that_take_Entra_ID_have_their_keys_turned_off()
    {
        var resources = BicepCompiler.Resources(await BicepCompiler.MainAsync()).ToList();

        Assert.Equal(false, (bool?)Single(resources, "Microsoft.Storage/storageAccounts", "allowSharedKeyAccess")["properties"]!["allowSharedKeyAccess"]);
        Assert.Equal(true, (bool?)Single(resources, "Microsoft.DocumentDB/databaseAccounts")["properties"]!["disableLocalAuth"]);
        Assert.Equal(true, (bool?)Single(resources, "Microsoft.CognitiveServices/accounts")["properties"]!["disableLocalAuth"]);
        Assert.Equal(true, (bool?)Single(resources, "Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]);
        Assert.Equal(false, (bool?)Single(resources, "Microsoft.ContainerRegistry/registries")["properties"]!["adminUserEnabled"]);
    }

    [Fact]
    public void Keys_are_read_only_for_the_models_file_share_mount()
    {
        var infra = Path.Combine(Emulators.RepositoryRoot, "infra");

        var uses = Directory.GetFiles(infra, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadAllLines(file).Where(line => line.Contains("listKeys(", StringComparison.Ordinal)).Select(line => (Path.GetFileName(file), line.Trim())))
            .ToList();

        // Container Apps mounts Azure Files over SMB with the account key; that account holds only the models.
        Assert.Equal([("containerapps.bicep", "accountKey: modelsAccount.listKeys().keys[0].value")], uses);
    }

    [Fact]
    public async Task Function_app_runs_dotnet_isolated_10_on_flex_consumption_with_a_system_identity()
    {
        var resources = BicepCompiler.Resources(await BicepCompiler.MainAsync()).ToList();

        var plan = Single(resources, "Microsoft.Web/serverfarms");
        var app = Single(resources, "Microsoft.Web/sites");

        Assert.Equal(("FlexConsumption", "FC1"), ((string?)plan["sku"]!["tier"], (string?)plan["sku"]!["name"]));
        Assert.Equal("SystemAssigned", (string?)app["identity"]!["type"]);
        var runtime = app["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal(("dotnet-isolated", "10.0"), ((string?)runtime["name"], (string?)runtime["version"]));
        Assert.Equal("SystemAssignedIdentity", (string?)app["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]);
    }

    [Fact]
    public async Task Gpu_apps_run_on_serverless_gpu_profiles_in_an_internal_environment_open_only_to_the_function_subnet()
    {
        var module = BicepCompiler.Module(await BicepCompiler.MainAsync(), "containerApps")["properties"]!["template"]!;
        var environment = module["resources"]!["environment"]!;
        var profiles = environment["properties"]!["workloadProfiles"]!.AsArray()
            .ToDictionary(p => (string)p!["name"]!, p => (string)p!["workloadProfileType"]!);
        var apps = new[] { module["resources"]!["comfy"]!, module["resources"]!["whisper"]! };

        Assert.Equal(true, (bool?)environment["properties"]!["vnetConfiguration"]!["internal"]);
        Assert.All(apps, app =>
        {
            Assert.StartsWith("Consumption-GPU-", profiles[(string)app["properties"]!["workloadProfileName"]!], StringComparison.Ordinal);
            Assert.Equal("[variables('allowFunctionApp')]", (string?)app["properties"]!["configuration"]!["ingress"]!["ipSecurityRestrictions"]);
            var restriction = Assert.Single(module["variables"]!["allowFunctionApp"]!.AsArray());
            Assert.Equal(("Allow", "[parameters('callerSubnetPrefix')]"), ((string?)restriction!["action"], (string?)restriction["ipAddressRange"]));
            Assert.Equal(0, (int)app["properties"]!["template"]!["scale"]!["minReplicas"]!);
        });
    }

    [Fact]
    public async Task Whisper_app_listens_on_the_port_of_the_default_Whisper_url_and_reads_its_model_from_the_mounted_share()
    {
        var whisper = BicepCompiler.Module(await BicepCompiler.MainAsync(), "containerApps")["properties"]!["template"]!["resources"]!["whisper"]!;
        var container = whisper["properties"]!["template"]!["containers"]![0]!;
        var env = container["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string)e!["value"]!);

        Assert.Equal(new Uri(Sample("Whisper__BaseUrls__0")).Port, (int)whisper["properties"]!["configuration"]!["ingress"]!["targetPort"]!);
        Assert.Equal("/models", (string?)container["volumeMounts"]![0]!["mountPath"]);
        Assert.StartsWith("[format('/models/{0}'", env["WhisperServer__ModelPath"], StringComparison.Ordinal);
        Assert.Equal("true", env["WhisperServer__RequireGpu"]);
        Assert.All(container["probes"]!.AsArray(), p => Assert.Equal("/health", (string?)p!["httpGet"]!["path"]));
    }

    private static JsonObject Single(List<JsonObject> resources, string type, string? property = null) =>
        Assert.Single(resources, r => (string?)r["type"] == type && r["existing"] is null && (property is null || r["properties"]?[property] is not null));

    private static string Sample(string key) =>
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(Emulators.RepositoryRoot, "local.settings.sample.json")))!["Values"]![key]!;
}
