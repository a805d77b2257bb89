namespace KieGateway.Models;

internal sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The gateway's own URL as Kie can reach it, for callbacks; unset = polling only.</summary>
    public string? PublicBaseUrl { get; set; }

    public string DefaultModel { get; set; } = "veo-3.1-fast";

    /// <summary>Per model: <c>Enabled</c> and <c>FallbackModel</c>, keyed by gateway model id.</summary>
    public Dictionary<string, ModelSwitch> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per provider (<c>sora-2</c>, <c>veo-3.1</c>): switch a whole provider off.</summary>
    public Dictionary<string, ModelSwitch> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Security.GatewayClient> Clients { get; set; } = [];
}

internal sealed class ModelSwitch
{
    public bool Enabled { get; set; } = true;

    public string? FallbackModel { get; set; }
}
