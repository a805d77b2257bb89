using System.Security.Cryptography;
using System.Text;
using KieGateway.Models;
using Microsoft.Extensions.Options;

namespace KieGateway.Security;

/// <summary>
/// The configured clients' key hashes, parsed from hex once per configuration (again after a reload), not on every
/// request; a presented key is hashed and compared in constant time with every one of them.
/// </summary>
internal sealed class ClientKeyHashes(IOptionsMonitor<GatewayOptions> gateway)
{
    private const int StackKeyBytes = 256;

    private volatile Table _table = new(null, []);

    public GatewayClient? Match(ReadOnlySpan<char> key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var size = Encoding.UTF8.GetMaxByteCount(key.Length);
        var utf8 = size <= StackKeyBytes ? stackalloc byte[StackKeyBytes] : new byte[size];
        var written = utf8[..Encoding.UTF8.GetBytes(key, utf8)];
        SHA256.HashData(written, hash);
        CryptographicOperations.ZeroMemory(written); // the key itself is not left behind in memory

        GatewayClient? match = null;
        foreach (var (expected, client) in Current().Hashes)
        {
            // Every configured hash is compared, so timing tells nothing about which one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                match ??= client;
            }
        }

        return match;
    }

    /// <summary>The table of the options in force: a reload gives a new options instance, and so a new table.</summary>
    private Table Current()
    {
        var options = gateway.CurrentValue;
        var table = _table;
        if (!ReferenceEquals(table.Source, options))
        {
            _table = table = new Table(options, [.. options.Clients
                .Where(c => c.KeySha256.Length == 2 * SHA256.HashSizeInBytes && c.KeySha256.All(Uri.IsHexDigit))
                .Select(c => (Convert.FromHexString(c.KeySha256), c))]);
        }

        return table;
    }

    private sealed record Table(GatewayOptions? Source, (byte[] Hash, GatewayClient Client)[] Hashes);
}
