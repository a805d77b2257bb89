using System.Security.Cryptography;
using System.Text.Json;
using KieGateway.Videos;

namespace KieGateway.Idempotency;

/// <summary>The same request, however its JSON was spaced or its metadata ordered, has the same fingerprint.</summary>
internal static class RequestFingerprint
{
    public static string Of(CreateVideoRequest request)
    {
        var canonical = new
        {
            request.Prompt,
            request.Model,
            ImageUrls = request.ImageUrls ?? [],
            request.AspectRatio,
            request.DurationSeconds,
            request.CallbackUrl,
            Metadata = (request.Metadata ?? []).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray(),
            AllowFallback = request.AllowFallback ?? false,
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(canonical)));
    }
}
