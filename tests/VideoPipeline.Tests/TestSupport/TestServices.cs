using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VideoPipeline.DependencyInjection;

namespace VideoPipeline.Tests.TestSupport;

/// <summary>The real pipeline services (real tools, file asset store) rooted in a private temp folder.</summary>
public sealed class TestServices : IDisposable
{
    private readonly TempDirectory root = new();

    public TestServices(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:FileRoot"] = this.root.File("assets"),
            ["Pipeline:WorkDirectory"] = this.root.File("work"),
        };
        foreach (var setting in settings ?? new Dictionary<string, string?>())
        {
            values[setting.Key] = setting.Value;
        }

        this.Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddVideoPipeline(this.Configuration);
        configure?.Invoke(services);
        this.Provider = services.BuildServiceProvider();
    }

    public IConfiguration Configuration { get; }

    public ServiceProvider Provider { get; }

    public string Root => this.root.Path;

    public T Get<T>()
        where T : notnull => this.Provider.GetRequiredService<T>();

    public void Dispose()
    {
        this.Provider.Dispose();
        this.root.Dispose();
    }
}
