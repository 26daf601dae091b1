using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Tests.Storage;

public sealed class CosmosConnectionStringTests
{
    [Fact]
    public void Parse_cosmos_emulator_string_is_loopback()
    {
        var connection = CosmosConnectionString.Parse(TaskStoreOptions.EmulatorConnectionString);

        Assert.True(connection.IsLoopback);
        Assert.NotNull(connection.AccountKey);
    }

    [Fact]
    public void Parse_cosmos_http_endpoint_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => CosmosConnectionString.Parse("AccountEndpoint=http://localhost:8081/;AccountKey=a2V5"));

        Assert.Contains("AccountEndpoint must be an absolute https URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_without_account_key_means_entra_id()
    {
        var connection = CosmosConnectionString.Parse("AccountEndpoint=https://myaccount.documents.azure.com:443/;");

        Assert.Null(connection.AccountKey);
        Assert.False(connection.IsLoopback);
    }
}
