using Microsoft.Extensions.Options;
using VideoPipeline.Host.Api;
using VideoPipeline.Host.Api.Auth;

namespace VideoPipeline.Tests.Host.Api;

public sealed class ApiKeyStoreTests
{
    [Fact]
    public void OwnerOf_configured_key_is_its_owner()
    {
        var store = new ApiKeyStore(Options.Create(new ApiOptions { Keys = ["alice:alice-key-0123456789"] }));

        Assert.Equal("alice", store.OwnerOf("alice-key-0123456789"));
    }

    [Fact]
    public void OwnerOf_unknown_key_is_null()
    {
        var store = new ApiKeyStore(Options.Create(new ApiOptions { Keys = ["alice:alice-key-0123456789"] }));

        Assert.Null(store.OwnerOf("alice-key-0123456780"));
    }

    [Fact]
    public void Constructor_entry_without_owner_fails_without_echoing_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ApiKeyStore(Options.Create(new ApiOptions { Keys = ["just-a-secret-key-value"] })));

        Assert.DoesNotContain("secret-key-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_short_key_is_refused()
    {
        var store = new ApiKeyStore(Options.Create(new ApiOptions()));

        Assert.Throws<InvalidOperationException>(() => store.Add("alice", "short"));
    }

    [Fact]
    public void NewKey_is_long_and_url_safe()
    {
        var key = ApiKeyStore.NewKey();

        Assert.True(key.Length >= 40);
        Assert.DoesNotContain(key, c => c is '+' or '/' or '=');
    }
}
