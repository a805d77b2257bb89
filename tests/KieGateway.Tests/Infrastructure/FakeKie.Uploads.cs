using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KieGateway.Tests.Infrastructure;

/// <summary>A file as the fake Kie file host stored it, with what it answered.</summary>
public sealed record KieUpload(string UploadPath, string FileName, string? ContentType, byte[] Bytes, string DownloadUrl, DateTimeOffset UploadedAt);

/// <summary>Kie's file-upload API (kie-api.md §3.3), on the fake's second port: <c>POST /api/file-stream-upload</c>.</summary>
public sealed partial class FakeKie
{
    public const string UploadPath = "/api/file-stream-upload";

    private readonly ConcurrentQueue<KieUpload> _uploads = new();

    /// <summary>Where the fake's file-upload API listens (Kie:UploadBaseUrl).</summary>
    public Uri UploadBaseUrl { get; private set; } = null!;

    public IReadOnlyList<KieUpload> Uploads => _uploads.ToArray();

    public static FakeAnswer UploadError(int code, string msg) =>
        new(code, JsonSerializer.Serialize(new { success = false, code, msg }));

    /// <summary>Checks the multipart shape the docs require: a non-empty <c>file</c> part and an <c>uploadPath</c> without edge slashes.</summary>
    private async Task<FakeAnswer> UploadAsync(HttpRequest request)
    {
        if (request.Method != "POST" || request.Path != UploadPath)
        {
            return UploadError(404, "Not found");
        }

        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.Ordinal))
        {
            return UploadError(400, "Content-Type must be multipart/form-data");
        }

        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        var uploadPath = form["uploadPath"].ToString();
        if (file is not { Length: > 0 })
        {
            return UploadError(400, "Missing required parameter: file");
        }

        if (uploadPath.Length == 0 || uploadPath.StartsWith('/') || uploadPath.EndsWith('/'))
        {
            return UploadError(400, "Missing required parameter: uploadPath");
        }

        var fileName = form["fileName"].ToString() is { Length: > 0 } given ? given : file.FileName;
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        var upload = new KieUpload(uploadPath, fileName, file.ContentType, bytes.ToArray(),
            $"https://tempfile.redpandaai.co/kieai/{Interlocked.Increment(ref _next)}/{uploadPath}/{fileName}",
            DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        _uploads.Enqueue(upload);
        return new FakeAnswer(200, JsonSerializer.Serialize(new
        {
            success = true,
            code = 200,
            msg = "File uploaded successfully",
            data = new
            {
                fileName,
                filePath = $"{uploadPath}/{fileName}",
                downloadUrl = upload.DownloadUrl,
                fileSize = upload.Bytes.Length,
                mimeType = file.ContentType,
                uploadedAt = upload.UploadedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            },
        }));
    }
}
