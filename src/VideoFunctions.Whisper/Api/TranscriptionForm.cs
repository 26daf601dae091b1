using System.Globalization;
using VideoFunctions.Whisper.Transcription;

namespace VideoFunctions.Whisper.Api;

/// <summary>
/// Reads the multipart fields of <c>POST /v1/audio/transcriptions</c> as OpenAI defines them
/// (api-contracts.md §2): errors are collected per field name, exactly as the caller sent it.
/// </summary>
public static class TranscriptionForm
{
    public const string Granularities = "timestamp_granularities[]";

    public static (TranscriptionRequest? Request, Dictionary<string, string[]> Errors) Read(IFormCollection form, Func<string, string?> checkLanguage)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (form.Files.GetFile("file") is not { Length: > 0 })
        {
            errors["file"] = ["an audio file is required (multipart field 'file')"];
        }

        var format = (string?)form["response_format"] switch
        {
            null or "" or "json" => TranscriptionFormat.Json,
            "verbose_json" => TranscriptionFormat.VerboseJson,
            "text" => TranscriptionFormat.Text,
            var other => Error<TranscriptionFormat>(errors, "response_format", $"'{other}' is not served here; use json, verbose_json or text"),
        };

        var granularities = form[Granularities].Select(g => g?.Trim()).ToList();
        var unknown = granularities.Where(g => g is not ("word" or "segment")).ToList();
        if (unknown.Count > 0)
        {
            errors[Granularities] = [$"'{string.Join("', '", unknown)}' is not word or segment"];
        }
        else if (granularities.Count > 0 && format != TranscriptionFormat.VerboseJson)
        {
            errors[Granularities] = ["timestamps need response_format=verbose_json"];
        }

        var language = ((string?)form["language"])?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(language) && checkLanguage(language) is { } languageError)
        {
            errors["language"] = [languageError];
        }

        var temperature = 0f;
        if (!string.IsNullOrWhiteSpace(form["temperature"])
            && !(float.TryParse(form["temperature"], NumberStyles.Float, CultureInfo.InvariantCulture, out temperature) && temperature is >= 0 and <= 1))
        {
            errors["temperature"] = ["must be a number from 0 to 1"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var segments = granularities.Count == 0 || granularities.Contains("segment");
        return (new TranscriptionRequest(
            string.IsNullOrEmpty(language) ? null : language,
            form["prompt"],
            temperature,
            format,
            Words: granularities.Contains("word"),
            Segments: segments,
            RequestedModel: form["model"]), errors);
    }

    private static T Error<T>(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return default!;
    }
}
