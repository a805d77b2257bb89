using System.Text.Json.Serialization;

namespace KieGateway.Uploads;

/// <summary>An image stored on Kie's file host: put <see cref="Url"/> in a create's <c>imageUrls</c> before <see cref="ExpiresAt"/>.</summary>
public sealed record Upload(string Url, DateTimeOffset ExpiresAt, string ContentType, long SizeBytes);

/// <summary>The JSON form of <c>POST /uploads</c>; the other is multipart/form-data with a <c>file</c> part.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class UploadRequest
{
    /// <summary>The image, as plain base64 or as a <c>data:</c> URL; JPEG, PNG or WebP, at most 10 MB decoded.</summary>
    public string? Base64 { get; set; }

    /// <summary>Optional: a readable name for the stored file (its extension follows the image's real type).</summary>
    public string? FileName { get; set; }
}
