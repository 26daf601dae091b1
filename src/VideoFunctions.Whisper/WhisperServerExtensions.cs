using Microsoft.AspNetCore.Http.Features;
using VideoFunctions.Whisper.Audio;
using VideoFunctions.Whisper.Model;
using VideoFunctions.Whisper.Transcription;

namespace VideoFunctions.Whisper;

public static class WhisperServerExtensions
{
    /// <summary>Options from the <c>WhisperServer</c> section, the model, the converter and the transcriber; request limits from the options.</summary>
    public static WebApplicationBuilder AddWhisperServer(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WhisperServerOptions.Section);
        var settings = section.Get<WhisperServerOptions>() ?? new WhisperServerOptions();
        builder.Services.Configure<WhisperServerOptions>(section);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<WhisperModel>();
        builder.Services.AddSingleton<AudioConverter>();
        builder.Services.AddSingleton<Transcriber>();

        // The form's own fields are small; the limit is the file's.
        const long formOverhead = 1024 * 1024;
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = settings.MaxUploadBytes + formOverhead);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.MaxUploadBytes + formOverhead);
        return builder;
    }

    /// <summary>
    /// Loads the model before listening, so a replica that cannot transcribe never takes traffic. A model
    /// that cannot be used ends the process with its one-line reason on stderr and exit code 1.
    /// </summary>
    public static async Task<int> RunWhisperServerAsync(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<WhisperModel>();
        }
        catch (InvalidModelException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        await app.RunAsync();
        return 0;
    }
}
