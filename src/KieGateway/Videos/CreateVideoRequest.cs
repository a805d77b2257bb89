using System.Text.Json.Serialization;

namespace KieGateway.Videos;

/// <summary>Body of <c>POST /videos</c>. Unknown fields are refused rather than silently dropped.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class CreateVideoRequest
{
    /// <summary>What the video shows; 1 to 10,000 characters.</summary>
    public string? Prompt { get; set; }

    /// <summary>A gateway model id (see GET /models); the configured default when omitted.</summary>
    public string? Model { get; set; }

    /// <summary>Image-to-video: Sora takes 1 (first frame), Veo 1 or 2 (first / last frame).</summary>
    public List<string>? ImageUrls { get; set; }

    /// <summary><c>16:9</c> (default) or <c>9:16</c>.</summary>
    public string? AspectRatio { get; set; }

    /// <summary>Sora: 10 (default) or 15; Veo: 8.</summary>
    public int? DurationSeconds { get; set; }

    /// <summary>Where the gateway posts signed webhooks for this video.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>Up to 16 string pairs, echoed back on the resource.</summary>
    public Dictionary<string, string>? Metadata { get; set; }

    /// <summary>When the model is switched off, let its configured fallback make the video.</summary>
    public bool? AllowFallback { get; set; }
}
