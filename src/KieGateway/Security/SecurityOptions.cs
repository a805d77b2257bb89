namespace KieGateway.Security;

/// <summary>The <c>Security</c> section; bound and checked at start, so a mistyped value stops the gateway.</summary>
internal sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// When true, <c>callbackUrl</c> and <c>imageUrls</c> may point at loopback, private and link-local
    /// addresses (a gateway whose clients' receivers live on the internal network). Default false.
    /// </summary>
    public bool AllowPrivateNetworkUrls { get; set; }
}
