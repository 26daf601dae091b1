using VideoPipeline.Domain;
using VideoPipeline.Storage;

namespace VideoPipeline.Workflow.Contracts;

public sealed record GenerateSceneClipInput(Scene Scene, int SceneCount, Resolution Resolution, int Fps, int FrameCount, string Style);

public sealed record SceneClipResult(int SceneNumber, AssetRef Clip, double DurationSeconds, bool HasAudio, string Provider, bool CacheHit);
