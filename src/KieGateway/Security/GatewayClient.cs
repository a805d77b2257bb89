namespace KieGateway.Security;

/// <summary>A client of the gateway, as configured under <c>Gateway:Clients:&lt;n&gt;</c>. Keys are stored only as hashes.</summary>
internal sealed class GatewayClient
{
    public string Id { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the client's key.</summary>
    public string KeySha256 { get; set; } = "";

    /// <summary><c>whsec_</c> + base64, for signing webhooks to this client.</summary>
    public string? WebhookSecret { get; set; }

    public List<string> Scopes { get; set; } = [];

    public Usage.ClientBudget Budget { get; set; } = new();

    /// <summary>This client's own request limits; unset parts come from <c>Gateway:RateLimit</c>.</summary>
    public ClientRateLimit? RateLimit { get; set; }
}

internal static class Scopes
{
    public const string Admin = "admin";
}
