using System.Text.Json.Serialization;

namespace VideoPipeline.Webhooks.Secrets;

/// <summary>
/// One owner's webhook secret (<c>whsec_…</c>), as stored: one document per owner, in the owner's partition.
/// After a rotation the previous secret keeps signing until <see cref="PreviousExpiresAt"/>.
/// </summary>
public sealed record OwnerWebhookSecret
{
    /// <summary>The document id: the endpoint name the API exposes (<c>/api/webhooks/default/secret</c>).</summary>
    public const string DefaultId = "default";

    public string Id { get; init; } = DefaultId;

    public required string OwnerId { get; init; }

    public required string Secret { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? PreviousSecret { get; init; }

    public DateTimeOffset? PreviousExpiresAt { get; init; }

    /// <summary>The secrets a message is signed with at <paramref name="now"/>: the current one first.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        this.PreviousSecret is { } previous && this.PreviousExpiresAt > now ? [this.Secret, previous] : [this.Secret];
}
