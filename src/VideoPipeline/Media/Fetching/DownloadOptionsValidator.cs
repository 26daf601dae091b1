using Microsoft.Extensions.Options;

namespace VideoPipeline.Media.Fetching;

internal sealed class DownloadOptionsValidator : IValidateOptions<DownloadOptions>
{
    public ValidateOptionsResult Validate(string? name, DownloadOptions options)
    {
        var errors = new List<string>();
        if (options.MaxBytes < 1)
        {
            errors.Add("Downloads:MaxBytes must be positive");
        }

        if (options.MaxRedirects is < 0 or > 20)
        {
            errors.Add("Downloads:MaxRedirects must be between 0 and 20");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.Timeout <= TimeSpan.Zero || options.ProgressTimeout <= TimeSpan.Zero)
        {
            errors.Add("Downloads:ConnectTimeout, Timeout and ProgressTimeout must be positive");
        }

        if (options.MinProgressBytes < 1)
        {
            errors.Add("Downloads:MinProgressBytes must be positive");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
