using System.Net.Http.Headers;
using System.Text.Json;

namespace KieGateway.Kie;

/// <summary>A file stored by Kie's file-upload API (kie-api.md §3.3), read liberally.</summary>
internal sealed record KieUploadedFile(Uri DownloadUrl, DateTimeOffset? UploadedAt, DateTimeOffset? ExpiresAt)
{
    public static KieUploadedFile? Parse(JsonElement data) =>
        KieJson.ReadString(data, "downloadUrl", "download_url", "fileUrl") is { } url
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new KieUploadedFile(uri, KieJson.ReadTime(data, "uploadedAt", "uploaded_at"), KieJson.ReadTime(data, "expiresAt", "expireTime"))
            : null;
}

internal sealed partial class KieClient
{
    /// <summary>The folder on Kie's file host that the gateway's uploads go to.</summary>
    public const string UploadPath = "kiegateway/uploads";

    /// <summary>
    /// Stores a file through <c>POST /api/file-stream-upload</c> on Kie's upload host, with the same key and the
    /// same envelope checks as every other call. Sent once: a POST is never retried by the pipeline.
    /// The bytes go as multipart, not base64, which would make them a third larger on the wire.
    /// </summary>
    public async Task<KieUploadedFile> UploadFileAsync(byte[] bytes, string fileName, string contentType, CancellationToken ct)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent
        {
            { file, "file", fileName },
            { new StringContent(UploadPath), "uploadPath" },
            { new StringContent(fileName), "fileName" },
        };
        var endpoint = new Uri(new Uri(options.Value.UploadBaseUrl.TrimEnd('/') + "/"), "api/file-stream-upload");

        return await CallAsync(new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = form }, null,
            data => KieUploadedFile.Parse(data) ?? throw Unreadable("the upload answer carries no downloadUrl"), ct);
    }
}
