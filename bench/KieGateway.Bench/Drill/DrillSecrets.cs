using System.Security.Cryptography;
using System.Text;

namespace KieGateway.Bench.Drill;

/// <summary>
/// Made-up keys for one run, never written anywhere but the child processes' environment: the Kie key the fake
/// accepts (the drill checks that it never shows up), the drill client's key, and its webhook secret.
/// </summary>
internal sealed record DrillSecrets(string KieKey, string ClientKey, string WebhookSecret)
{
    public const string ClientId = "drill";

    public static DrillSecrets New() => new(
        "kie_drill_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        "kgw_drill_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>The gateway stores client keys only as their lower-case hex SHA-256 (API.md, Authentication).</summary>
    public string ClientKeySha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientKey)));
}
