using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VideoPipeline.Storage.Account;

namespace VideoPipeline.Storage;

internal sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    private const int MiB = 1024 * 1024;

    /// <summary>Settings that moved to the Functions connection; a value left under the old name would be silently ignored.</summary>
    private static readonly string[] Moved = ["ConnectionString", "ManagedIdentityClientId"];

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        foreach (var key in Moved.Where(k => !string.IsNullOrEmpty(configuration[$"{StorageOptions.Section}:{k}"])))
        {
            errors.Add(key == "ConnectionString"
                ? $"Storage:ConnectionString is no longer read: set the connection string as {StorageConnection.Name}"
                : $"Storage:ManagedIdentityClientId is no longer read: set {StorageConnection.Name}__credential=managedidentity and {StorageConnection.Name}__clientId");
        }

        if (options.SingleUploadMaxBytes is < 1 or > 256 * MiB)
        {
            errors.Add("Storage:SingleUploadMaxBytes must be between 1 and 256 MiB");
        }

        if (options.BlockSizeBytes is < 64 * 1024 or > 100 * MiB)
        {
            errors.Add("Storage:BlockSizeBytes must be between 64 KiB and 100 MiB");
        }

        if (options.MaxParallelBlocks is < 1 or > 64)
        {
            errors.Add("Storage:MaxParallelBlocks must be between 1 and 64");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            errors.Add("Storage:MaxRetries must be between 0 and 20");
        }

        if (options.SasLifetime <= TimeSpan.Zero || options.SasLifetime > TimeSpan.FromDays(7))
        {
            errors.Add("Storage:SasLifetime must be positive and at most 7 days");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
