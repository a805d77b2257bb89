using System.Text.Json.Nodes;

namespace KieGateway.Sandbox;

internal sealed partial class KieSimulator
{
    /// <summary>Kie's <c>file-stream-upload</c>: the file is kept in memory and served by the gateway at its download URL.</summary>
    public SimulatorAnswer Upload(SimulatedUpload? upload)
    {
        var problem = upload is null ? "Content-Type must be multipart/form-data"
            : upload.File is not { Length: > 0 } ? "Missing required parameter: file"
            : string.IsNullOrWhiteSpace(upload.UploadPath) ? "Missing required parameter: uploadPath"
            : upload.UploadPath.StartsWith('/') || upload.UploadPath.EndsWith('/') ? "uploadPath must not start or end with a slash"
            : null;
        if (problem is not null)
        {
            return SimulatorAnswer.UploadError(400, problem);
        }

        var fileName = string.IsNullOrWhiteSpace(upload!.FileName) ? $"{Guid.NewGuid():N}" : upload.FileName;
        var path = $"{upload.UploadPath}/{fileName}";
        var now = time.GetUtcNow();
        var contentType = upload.FileContentType ?? "application/octet-stream";
        files.Store(path, new SandboxFile(upload.File!, contentType, now));
        return SimulatorAnswer.Uploaded(new JsonObject
        {
            ["fileName"] = fileName,
            ["filePath"] = path,
            ["downloadUrl"] = media.Upload(path),
            ["fileSize"] = upload.File!.Length,
            ["mimeType"] = contentType,
            ["uploadedAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
