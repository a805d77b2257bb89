using System.Text.Json;

namespace KieGateway.Uploads;

/// <summary>What the body of <c>POST /uploads</c> turned out to hold.</summary>
internal abstract record ImageRead
{
    public sealed record Accepted(byte[] Bytes, ImageType Type, string? FileName) : ImageRead;

    /// <summary>A 400: <see cref="Field"/> is <c>file</c>, <c>base64</c> or <c>body</c>.</summary>
    public sealed record Invalid(string Field, string Message) : ImageRead;

    public sealed record TooLarge : ImageRead;
}

/// <summary>
/// Reads an image from a multipart <c>file</c> part or JSON <c>base64</c>, and checks it before anything is sent:
/// size first (a multipart file's length is known before it is read), then the type from the bytes themselves.
/// </summary>
internal static class ImageReader
{
    public const long MaxImageBytes = 10 * 1024 * 1024;

    public const string Types = "JPEG, PNG or WebP";

    public static async Task<ImageRead> ReadAsync(HttpRequest request, JsonSerializerOptions json, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            return await ReadFormAsync(request, ct);
        }

        if (request.HasJsonContentType())
        {
            return await ReadJsonAsync(request, json, ct);
        }

        return new ImageRead.Invalid("body",
            "Send the image as multipart/form-data with a 'file' part, or as JSON { \"base64\": \"…\" } with 'Content-Type: application/json'.");
    }

    private static async Task<ImageRead> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
        {
            // Malformed or cut off before its closing boundary; a body over the limit (a BadHttpRequestException) stays a 413.
            return new ImageRead.Invalid("body", "The multipart body could not be read.");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return new ImageRead.Invalid("file", $"A 'file' part with the image ({Types}) is required.");
        }

        if (file.Length > MaxImageBytes)
        {
            return new ImageRead.TooLarge();
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }

        return Check(bytes, file.FileName, "file");
    }

    private static async Task<ImageRead> ReadJsonAsync(HttpRequest request, JsonSerializerOptions json, CancellationToken ct)
    {
        UploadRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<UploadRequest>(json, ct);
        }
        catch (JsonException ex)
        {
            // The exception handler names the field and says what was wrong, as for every JSON body.
            throw new BadHttpRequestException("The body is not valid JSON.", StatusCodes.Status400BadRequest, ex);
        }

        if (body?.Base64 is not { Length: > 0 } text)
        {
            return new ImageRead.Invalid("base64", $"base64 is required: the image ({Types}) as base64 or as a data: URL.");
        }

        // A data: URL's declared type is ignored like any other: the bytes say what the image is.
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[(text.IndexOf(',') + 1)..];
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return new ImageRead.Invalid("base64", "base64 is not valid base64.");
        }

        return bytes.Length > MaxImageBytes ? new ImageRead.TooLarge() : Check(bytes, body.FileName, "base64");
    }

    private static ImageRead Check(byte[] bytes, string? fileName, string field) =>
        bytes.Length == 0 ? new ImageRead.Invalid(field, "The image is empty.")
        : ImageType.Sniff(bytes) is { } type ? new ImageRead.Accepted(bytes, type, fileName)
        : new ImageRead.Invalid(field, $"Only {Types} images are accepted; the type is read from the bytes, not from the name or the declared type.");
}
