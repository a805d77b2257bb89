namespace KieGateway.Sandbox;

internal sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The development client key that exists only in Sandbox mode (printed at start).</summary>
    public string ClientKey { get; set; } = "kgw_sandbox_dev_key";

    public string ClientId { get; set; } = "sandbox-dev";

    /// <summary>The development client's webhook secret, so that sandbox webhooks are signed and sent.</summary>
    public string WebhookSecret { get; set; } = "whsec_" + Convert.ToBase64String("kiegateway-sandbox-webhooks-2026"u8.ToArray());

    /// <summary>How long a simulated task waits in the queue.</summary>
    public TimeSpan QueuedFor { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a simulated task generates before it completes.</summary>
    public TimeSpan GeneratingFor { get; set; } = TimeSpan.FromSeconds(7);
}
