using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VideoFunctions.Whisper.Audio;
using VideoFunctions.Whisper.Model;
using VideoFunctions.Whisper.Transcription;

namespace VideoFunctions.Whisper.Api;

public static class TranscriptionEndpoints
{
    public const string TranscriptionsRoute = "/v1/audio/transcriptions";
    private const int BusyRetryAfterSeconds = 5;

    public static IEndpointRouteBuilder MapWhisperServer(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(TranscriptionsRoute, TranscribeAsync).DisableAntiforgery();
        routes.MapGet("/health", (WhisperModel model) => TypedResults.Ok(new
        {
            status = "ok",
            model = Path.GetFileName(model.Path),
            size = model.Info.HyperParameters.SizeName,
            multilingual = model.Info.HyperParameters.IsMultilingual,
            runtime = model.Runtime,
        }));
        return routes;
    }

    private static async Task<IResult> TranscribeAsync(
        HttpContext context, Transcriber transcriber, AudioConverter converter, IOptions<WhisperServerOptions> options, ILogger<Transcriber> logger)
    {
        using var admission = transcriber.Admit();
        if (admission is null)
        {
            context.Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem("Every transcription slot and queue place is taken; try again shortly.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (!context.Request.HasFormContentType)
        {
            return FieldProblem("body", "expected multipart/form-data", StatusCodes.Status415UnsupportedMediaType);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return FieldProblem("file", $"the upload is larger than {options.Value.MaxUploadBytes} bytes", StatusCodes.Status413PayloadTooLarge);
        }

        var (request, errors) = TranscriptionForm.Read(form, transcriber.CheckLanguage);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        var work = Directory.CreateDirectory(Path.Combine(options.Value.WorkDirectory, Guid.NewGuid().ToString("N")));
        try
        {
            var upload = Path.Combine(work.FullName, "upload");
            await using (var file = File.Create(upload))
            {
                await form.Files.GetFile("file")!.CopyToAsync(file, context.RequestAborted);
            }

            var audio = await converter.ToWhisperWavAsync(upload, Path.Combine(work.FullName, "audio.wav"), context.RequestAborted);
            var result = await transcriber.TranscribeAsync(audio, request, context.RequestAborted);
            return request.Format switch
            {
                TranscriptionFormat.VerboseJson => TypedResults.Json(result),
                TranscriptionFormat.Text => TypedResults.Text(result.Text + "\n", "text/plain; charset=utf-8"),
                _ => TypedResults.Json(new { text = result.Text }),
            };
        }
        catch (UnreadableAudioException e)
        {
            WhisperServerLog.Unreadable(logger, e.Message);
            return FieldProblem("file", e.Message, StatusCodes.Status400BadRequest);
        }
        catch (AudioTooLongException e)
        {
            return FieldProblem("file", e.Message, StatusCodes.Status413PayloadTooLarge);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static ProblemHttpResult FieldProblem(string field, string message, int status) =>
        TypedResults.Problem(
            detail: $"{field}: {message}",
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
