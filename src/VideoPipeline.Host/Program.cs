using VideoPipeline.Host.Cli;

return await CliApplication.RunAsync(args);
