using VideoFunctions.Whisper;
using VideoFunctions.Whisper.Api;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddWhisperServer();
var app = builder.Build();
app.MapWhisperServer();
return await app.RunWhisperServerAsync();
