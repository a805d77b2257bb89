using System.Security.Cryptography;
using System.Text;

namespace KieGateway.Tests.Infrastructure;

/// <summary>The gateway clients every test host knows.</summary>
public static class TestClients
{
    public const string AliceKey = "alice-key-0001";
    public const string BobKey = "bob-key-0002";
    public const string AdminKey = "admin-key-0003";

    /// <summary>Alice and Bob sign their webhooks; ops has no secret, so its webhooks cannot be sent.</summary>
    public const string AliceWebhookSecret = "whsec_YWxpY2Utd2ViaG9vay1zaWduaW5nLWtleS0wMDAxISE=";
    public const string BobWebhookSecret = "whsec_Ym9iLXdlYmhvb2stc2lnbmluZy1rZXktMDAwMDIhISE=";

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Gateway:Clients:0:Id"] = "alice",
        ["Gateway:Clients:0:KeySha256"] = Hash(AliceKey),
        ["Gateway:Clients:0:WebhookSecret"] = AliceWebhookSecret,
        ["Gateway:Clients:1:Id"] = "bob",
        ["Gateway:Clients:1:KeySha256"] = Hash(BobKey),
        ["Gateway:Clients:1:WebhookSecret"] = BobWebhookSecret,
        ["Gateway:Clients:2:Id"] = "ops",
        ["Gateway:Clients:2:KeySha256"] = Hash(AdminKey),
        ["Gateway:Clients:2:Scopes:0"] = "admin",
    };

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
