using Microsoft.AspNetCore.Http.HttpResults;

namespace VideoPipeline.Host.Api.Limits;

/// <summary>A request body read as <typeparamref name="T"/>, or the problem to answer instead.</summary>
public readonly record struct JsonBody<T>(T? Value, ProblemHttpResult? Problem)
    where T : class;
