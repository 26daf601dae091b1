namespace VideoPipeline.Providers.Http;

/// <summary>Error codes of <see cref="Domain.PermanentPipelineException"/>s raised by remote providers; the routing policy reads them.</summary>
public static class ProviderErrorCodes
{
    /// <summary>The provider refused the request (4xx, ComfyUI node_errors).</summary>
    public const string Refused = "PROVIDER_REFUSED";

    /// <summary>The job was accepted and then failed on the provider (an execution error).</summary>
    public const string JobFailed = "PROVIDER_JOB_FAILED";

    /// <summary>The provider answered something that does not follow its contract (malformed JSON, missing fields).</summary>
    public const string BadResponse = "PROVIDER_BAD_RESPONSE";

    /// <summary>The provider cannot work as configured (no server, missing ComfyUI nodes, bad template mapping).</summary>
    public const string Misconfigured = "PROVIDER_MISCONFIGURED";
}
