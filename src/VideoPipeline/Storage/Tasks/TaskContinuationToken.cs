using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace VideoPipeline.Storage.Tasks;

/// <summary>
/// Keyset position in the newest-first order (createdAt descending, then id ascending): the last item of a page.
/// Opaque to callers (base64url).
/// </summary>
internal readonly record struct TaskContinuationToken(long CreatedAtTicks, string Id)
{
    public static TaskContinuationToken After(TaskRecord last) => new(last.CreatedAt.UtcTicks, last.Id);

    public static TaskContinuationToken Parse(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return new TaskContinuationToken(long.Parse(text[..bar], CultureInfo.InvariantCulture), text[(bar + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new ArgumentException("The continuation token is not one this store issued", nameof(token), e);
        }
    }

    /// <summary>True when <paramref name="task"/> comes after this position.</summary>
    public bool Precedes(TaskRecord task) =>
        task.CreatedAt.UtcTicks < this.CreatedAtTicks
        || (task.CreatedAt.UtcTicks == this.CreatedAtTicks && string.CompareOrdinal(task.Id, this.Id) > 0);

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{this.CreatedAtTicks}|{this.Id}")));
}
