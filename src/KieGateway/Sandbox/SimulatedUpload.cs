using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace KieGateway.Sandbox;

/// <summary>The parts of a <c>file-stream-upload</c> request (kie-api.md §3.3), read from the multipart bytes on the wire.</summary>
internal sealed record SimulatedUpload(byte[]? File, string? FileContentType, string? UploadPath, string? FileName)
{
    public static async Task<SimulatedUpload?> ReadAsync(HttpContent content, CancellationToken ct)
    {
        var boundary = content.Headers.ContentType?.Parameters.FirstOrDefault(p => p.Name == "boundary")?.Value?.Trim('"');
        if (content.Headers.ContentType?.MediaType != "multipart/form-data" || string.IsNullOrEmpty(boundary))
        {
            return null;
        }

        var upload = new SimulatedUpload(null, null, null, null);
        var reader = new MultipartReader(boundary, await content.ReadAsStreamAsync(ct));
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, ct);
            upload = disposition.Name.Value?.Trim('"') switch
            {
                "file" => upload with { File = buffer.ToArray(), FileContentType = section.ContentType },
                "uploadPath" => upload with { UploadPath = System.Text.Encoding.UTF8.GetString(buffer.ToArray()) },
                "fileName" => upload with { FileName = System.Text.Encoding.UTF8.GetString(buffer.ToArray()) },
                _ => upload,
            };
        }

        return upload;
    }
}
