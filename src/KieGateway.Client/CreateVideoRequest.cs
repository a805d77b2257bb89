namespace KieGateway.Client;

/// <summary>The body of <c>POST /videos</c>; fields left null take the gateway's defaults.</summary>
public sealed record CreateVideoRequest
{
    /// <summary>What the video shows; 1 to 10,000 characters.</summary>
    public required string Prompt { get; init; }

    /// <summary>A gateway model id (<c>sora-2</c>, <c>sora-2-pro</c>, <c>veo-3.1</c>, <c>veo-3.1-fast</c>).</summary>
    public string? Model { get; init; }

    /// <summary>Image-to-video: Sora takes 1 (first frame), Veo 1 or 2 (first / last frame).</summary>
    public IReadOnlyList<string>? ImageUrls { get; init; }

    /// <summary><c>16:9</c> (default) or <c>9:16</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>Sora: 10 (default) or 15; Veo: 8.</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>Where the gateway posts signed webhooks for this video (see <c>KieGatewayWebhookVerifier</c>).</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>Up to 16 string pairs, echoed back on the video.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>When the model is switched off, let its configured fallback make the video.</summary>
    public bool? AllowFallback { get; init; }
}

/// <summary>Filters and page size for listing videos, newest first.</summary>
public sealed record ListVideosQuery
{
    public VideoStatus? Status { get; init; }

    public string? Model { get; init; }

    /// <summary>Videos per request, 1 to 100; the gateway's default (20) when null.</summary>
    public int? PageSize { get; init; }
}
