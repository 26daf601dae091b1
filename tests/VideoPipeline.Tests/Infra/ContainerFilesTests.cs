using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VideoPipeline.Providers.ComfyUI;
using VideoPipeline.Tests.TestSupport;

namespace VideoPipeline.Tests.Infra;

/// <summary>
/// The GPU container files (infra/containers/) cannot be built here (no Docker engine), so these read
/// them as text and hold them to what the pipeline expects: the weights its workflow loads, the ports
/// of its default base URLs, pinned base images, a health check, a non-root user, no baked-in secret.
/// </summary>
public sealed class ContainerFilesTests
{
    private const string ComfyDockerfile = "infra/containers/comfyui-hunyuan/Dockerfile";
    private const string WhisperDockerfile = "infra/containers/whisper/Dockerfile";
    private const string WhisperNetDockerfile = "infra/containers/whisper-net/Dockerfile";

    // The models/ folder each core loader reads (ComfyUI folder_paths; ComfyUI_examples hunyuan_video).
    private static readonly Dictionary<string, string> LoaderFolders = new(StringComparer.Ordinal)
    {
        ["UNETLoader"] = "diffusion_models",
        ["DualCLIPLoader"] = "text_encoders",
        ["CLIPLoader"] = "text_encoders",
        ["VAELoader"] = "vae",
    };

    public static TheoryData<string> Dockerfiles => new() { ComfyDockerfile, WhisperDockerfile, WhisperNetDockerfile };

    [Fact]
    public void ComfyDockerfile_fetches_every_file_the_embedded_template_loads_into_its_loaders_folder()
    {
        var dockerfile = Dockerfile.Read(ComfyDockerfile);
        var runs = string.Join('\n', dockerfile.Stages.Single().Instructions.Where(i => i.Keyword == "RUN").Select(i => i.Arguments));

        var loaded = EmbeddedTemplateLoaderFiles();

        Assert.NotEmpty(loaded);
        Assert.All(loaded, file =>
        {
            Assert.True(LoaderFolders.TryGetValue(file.Loader, out var folder), $"no models/ folder is known for loader {file.Loader}");
            Assert.Contains($"models/{folder}/{file.Name}", runs, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(ComfyDockerfile, "ComfyUI__BaseUrls__0")]
    [InlineData(WhisperNetDockerfile, "Whisper__BaseUrls__0")]
    public void Dockerfile_single_target_listens_on_and_exposes_the_port_of_its_default_base_url(string path, string baseUrl)
    {
        var port = DefaultPort(baseUrl);
        var stage = Dockerfile.Read(path).Targets.Single();

        Assert.Equal(port, stage.ListenPort());
        Assert.Equal([port], stage.ExposedPorts());
    }

    [Theory]
    [InlineData("speaches")]
    [InlineData("whisper-cpp")]
    public void WhisperDockerfile_target_listens_on_and_exposes_the_port_of_the_default_Whisper_base_url(string target)
    {
        var port = DefaultPort("Whisper__BaseUrls__0");
        var stage = Dockerfile.Read(WhisperDockerfile).Targets.Single(s => s.Name == target);

        Assert.Equal(port, stage.ListenPort());
        Assert.Equal([port], stage.ExposedPorts());
    }

    [Fact]
    public void WhisperNetDockerfile_restores_and_publishes_the_server_with_the_CUDA_runtime_package()
    {
        var build = Dockerfile.Read(WhisperNetDockerfile).Stages.Single(s => s.Name == "build");
        var project = File.ReadAllText(Path.Combine(Emulators.RepositoryRoot, "src", "VideoFunctions.Whisper", "VideoFunctions.Whisper.csproj"));

        var runs = build.Instructions.Where(i => i.Keyword == "RUN").Select(i => i.Arguments).ToList();

        Assert.Contains(runs, r => r.StartsWith("dotnet restore", StringComparison.Ordinal) && r.Contains("-p:WhisperCuda=true", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith("dotnet publish", StringComparison.Ordinal) && r.Contains("-p:WhisperCuda=true", StringComparison.Ordinal));
        Assert.Matches(@"<ItemGroup Condition=""'\$\(WhisperCuda\)' == 'true'"">\s*<PackageReference Include=""Whisper\.net\.Runtime\.Cuda12\.Linux"" />", project);
    }

    [Fact]
    public void WhisperDockerfile_speaches_target_bakes_in_the_default_Whisper_model()
    {
        var model = SampleSetting("Whisper__Model");
        var stage = Dockerfile.Read(WhisperDockerfile).Targets.Single(s => s.Name == "speaches");

        var baked = stage.ArgDefault("WHISPER_MODELS")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

        Assert.Contains(model, baked);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_every_base_image_is_pinned_to_a_tag_or_digest_other_than_latest(string path)
    {
        var dockerfile = Dockerfile.Read(path);

        Assert.All(dockerfile.Stages, stage =>
        {
            var image = stage.BaseImage;
            var isEarlierStage = dockerfile.Stages.TakeWhile(s => s != stage).Any(s => s.Name == image);
            Assert.True(isEarlierStage || IsPinned(image), $"FROM {image} is not pinned to a tag or digest (or floats on 'latest')");
        });
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_every_target_health_checks_its_own_port_over_http(string path)
    {
        Assert.All(Dockerfile.Read(path).Targets, stage =>
        {
            var healthCheck = stage.Instructions.LastOrDefault(i => i.Keyword == "HEALTHCHECK");
            Assert.True(healthCheck is not null, $"target {stage.Name} has no HEALTHCHECK");
            Assert.Contains($"http://127.0.0.1:{stage.ListenPort()}/", healthCheck.Arguments, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_every_target_runs_as_a_named_non_root_user(string path)
    {
        Assert.All(Dockerfile.Read(path).Targets, stage =>
        {
            var user = stage.Instructions.LastOrDefault(i => i.Keyword == "USER")?.Arguments.Split(':')[0];
            Assert.False(user is null or "root" or "0", $"target {stage.Name} runs as {user ?? "the base image's user"}");
        });
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_declares_no_secret_as_a_build_argument_or_environment_variable(string path)
    {
        // Build arguments and ENV persist in the image's metadata; tokens go in as BuildKit secrets.
        var secretLike = new Regex("TOKEN|SECRET|PASSWORD|API_?KEY|CREDENTIAL", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        var names = Dockerfile.Read(path).Stages
            .SelectMany(s => s.Instructions)
            .Where(i => i.Keyword is "ARG" or "ENV")
            .SelectMany(i => Regex.Matches(i.Arguments, @"(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=?", RegexOptions.CultureInvariant).Select(m => m.Groups[1].Value));

        Assert.DoesNotContain(names, secretLike.IsMatch);
    }

    private static List<(string Loader, string Name)> EmbeddedTemplateLoaderFiles()
    {
        using var stream = typeof(ComfyWorkflowTemplate).Assembly.GetManifestResourceStream(ComfyWorkflowTemplate.EmbeddedHunyuanVideo)!;
        var nodes = JsonNode.Parse(stream)!.AsObject();

        // A loader's file inputs are its string literals with a file extension (not "default", "hunyuan_video").
        return [.. nodes
            .Select(n => (Type: n.Value!["class_type"]!.GetValue<string>(), Inputs: n.Value!["inputs"]!.AsObject()))
            .Where(n => n.Type.EndsWith("Loader", StringComparison.Ordinal))
            .SelectMany(n => n.Inputs
                .Where(i => i.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && Path.HasExtension(v.GetValue<string>()))
                .Select(i => (n.Type, i.Value!.GetValue<string>())))];
    }

    private static bool IsPinned(string image)
    {
        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return true;
        }

        // The tag follows the last ':' after the last '/' (a registry host may carry a port).
        var name = image[(image.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        return colon > 0
            && !name.Contains('$', StringComparison.Ordinal)
            && !Regex.IsMatch(name[(colon + 1)..], @"(^|[-_.])latest($|[-_.])", RegexOptions.CultureInvariant);
    }

    private static int DefaultPort(string key) => new Uri(SampleSetting(key)).Port;

    private static string SampleSetting(string key)
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(Emulators.RepositoryRoot, "local.settings.sample.json")))!;
        return settings["Values"]![key]!.GetValue<string>();
    }

    /// <summary>Just enough of the Dockerfile format: comments dropped, continuation lines joined, split into stages.</summary>
    private sealed record Dockerfile(IReadOnlyList<Stage> Stages)
    {
        /// <summary>Stages no other stage builds on or copies from: the images <c>--target</c> produces.</summary>
        public IEnumerable<Stage> Targets => this.Stages.Where(stage => !this.Stages.Any(other =>
            other.BaseImage == stage.Name
            || other.Instructions.Any(i => i.Keyword == "COPY" && i.Arguments.Contains($"--from={stage.Name} ", StringComparison.Ordinal))));

        public static Dockerfile Read(string relativePath)
        {
            var stages = new List<Stage>();
            var pending = "";
            foreach (var raw in File.ReadAllLines(Path.Combine(Emulators.RepositoryRoot, relativePath)))
            {
                var line = raw.Trim();
                if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
                {
                    continue;
                }

                if (line.EndsWith('\\'))
                {
                    pending += line[..^1] + " ";
                    continue;
                }

                var text = (pending + line).Trim();
                pending = "";
                if (text.Length == 0)
                {
                    continue;
                }

                var space = text.IndexOf(' ', StringComparison.Ordinal);
                var instruction = new Instruction(text[..space].ToUpperInvariant(), text[(space + 1)..].Trim());
                if (instruction.Keyword == "FROM")
                {
                    var from = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var name = from.Length >= 3 && from[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? from[^1] : $"stage{stages.Count}";
                    stages.Add(new Stage(name, from.First(a => !a.StartsWith("--", StringComparison.Ordinal)), []));
                }
                else
                {
                    Assert.True(stages.Count > 0 || instruction.Keyword == "ARG", $"{relativePath}: {instruction.Keyword} before the first FROM");
                    stages.LastOrDefault()?.Instructions.Add(instruction);
                }
            }

            return new Dockerfile(stages);
        }
    }

    private sealed record Stage(string Name, string BaseImage, List<Instruction> Instructions)
    {
        /// <summary>The port the server is started on: <c>--port N</c> or ASP.NET Core's <c>--urls</c> in the CMD, or speaches' <c>UVICORN_PORT</c>.</summary>
        public int? ListenPort()
        {
            var command = this.Instructions.Last(i => i.Keyword == "CMD").Arguments;
            var arguments = JsonSerializer.Deserialize<string[]>(command)!;
            var port = Array.IndexOf(arguments, "--port");
            if (port >= 0)
            {
                return int.Parse(arguments[port + 1], CultureInfo.InvariantCulture);
            }

            var urls = Array.IndexOf(arguments, "--urls"); // ASP.NET Core
            if (urls >= 0)
            {
                return new Uri(arguments[urls + 1]).Port;
            }

            var uvicorn = this.Instructions.Where(i => i.Keyword == "ENV")
                .Select(i => Regex.Match(i.Arguments, @"(?:^|\s)UVICORN_PORT=(\d+)", RegexOptions.CultureInvariant))
                .LastOrDefault(m => m.Success);
            return uvicorn is null ? null : int.Parse(uvicorn.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        public int[] ExposedPorts() =>
            [.. this.Instructions.Where(i => i.Keyword == "EXPOSE")
                .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(p => int.Parse(p.Split('/')[0], CultureInfo.InvariantCulture))];

        public string? ArgDefault(string name)
        {
            var match = this.Instructions.Where(i => i.Keyword == "ARG")
                .Select(i => Regex.Match(i.Arguments, $"^{name}=\"?([^\"]*)\"?$", RegexOptions.CultureInvariant))
                .LastOrDefault(m => m.Success);
            return match?.Groups[1].Value;
        }
    }

    private sealed record Instruction(string Keyword, string Arguments);
}
