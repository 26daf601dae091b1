using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using VideoPipeline.Host.Api.Limits;
using VideoPipeline.Jobs;

namespace VideoPipeline.Host.Api.Video;

/// <summary>What the video endpoints share, bound with <c>[AsParameters]</c>.</summary>
public sealed record VideoServices(
    VideoJobs Jobs,
    JobStatusCache Cache,
    JobStatusMapper Mapper,
    JsonBodyReader Reader,
    MusicImporter Music,
    IOptions<VideoApiOptions> Options,
    IOptions<JsonOptions> Json);
