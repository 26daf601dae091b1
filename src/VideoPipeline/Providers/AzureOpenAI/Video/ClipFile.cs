using VideoPipeline.Domain;

namespace VideoPipeline.Providers.AzureOpenAI.Video;

/// <summary>Streams a response body to a file (never into memory) through a ".part" file, so a broken download leaves nothing under the name.</summary>
internal static class ClipFile
{
    public static async Task SaveAsync(AzureOpenAIResponse response, string outputPath, TimeSpan timeout, string operation, CancellationToken cancellationToken)
    {
        var partial = outputPath + ".part";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await using (var source = response.Body)
            await using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await source.CopyToAsync(target, deadline.Token);
            }

            File.Move(partial, outputPath, overwrite: true);
        }
        catch (Exception e) when ((e is HttpRequestException or IOException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? $"not finished within {timeout}" : e.Message;
            throw new TransientPipelineException($"Azure OpenAI {operation} from {response.Deployment.Label} broke off ({reason})", e);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
