using VideoPipeline.Storage.Azure;
using VideoPipeline.Storage.Tasks;

namespace VideoPipeline.Tests.Storage;

public sealed class StorageConnectionStringTests
{
    [Fact]
    public void Parse_development_storage_gives_azurite_endpoints_and_key()
    {
        var connection = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.True(connection.HasAccountKey);
    }

    [Fact]
    public void Parse_account_without_endpoints_derives_azure_endpoints()
    {
        var connection = StorageConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=videofn;AccountKey=a2V5;EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://videofn.blob.core.windows.net"), connection.BlobEndpoint);
        Assert.Equal(new Uri("https://videofn.queue.core.windows.net"), connection.QueueEndpoint);
    }

    [Fact]
    public void Parse_explicit_endpoints_win()
    {
        var connection = StorageConnectionString.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:20000/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:20001/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:20000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:20001/devstoreaccount1"), connection.QueueEndpoint);
    }

    [Fact]
    public void Parse_without_account_key_selects_entra_id()
    {
        var connection = StorageConnectionString.Parse("AccountName=videofn");

        Assert.False(connection.HasAccountKey);
    }

    [Fact]
    public void Parse_bad_key_names_AccountKey_without_echoing_it()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=a;AccountKey=not*base64!"));

        Assert.Equal("The storage connection string is malformed: AccountKey is not valid base64.", error.Message);
    }

    [Fact]
    public void Parse_segment_without_equals_names_its_position()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=a;oops"));

        Assert.Contains("segment 2 is not of the form Key=Value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_unknown_setting_names_it()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountNam=a"));

        Assert.Contains("'AccountNam' is not a known setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_empty_suggests_development_storage()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(" "));

        Assert.Contains("UseDevelopmentStorage=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_relative_blob_endpoint_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=a;AccountKey=a2V5;BlobEndpoint=localhost:10000"));

        Assert.Contains("BlobEndpoint is not an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

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
}
