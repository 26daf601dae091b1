using Microsoft.Extensions.Options;

namespace VideoPipeline.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const int MiB = 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
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
