using System.Security.Cryptography;
using System.Text;

namespace VideoPipeline.Durable;

/// <summary>Name-based (RFC 4122 version 5) GUIDs: the same inputs give the same GUID on every replay.</summary>
public static class DeterministicGuid
{
    // A fixed namespace for orchestration-generated ids.
    private static readonly Guid Namespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        Namespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var data = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(data);
        nameBytes.CopyTo(data, 16);

#pragma warning disable CA5350 // SHA-1 is what RFC 4122 v5 specifies; this is an id, not security.
        var hash = SHA1.HashData(data);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
