using System.Net.Http.Headers;

namespace KieGateway.Tests.Infrastructure;

/// <summary>Images as far as the gateway looks at them: the magic numbers, then bytes to the size wanted.</summary>
public static class TestImages
{
    public static byte[] Png(int size = 256) => Make([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg(int size = 256) => Make([0xFF, 0xD8, 0xFF, 0xE0], size);

    public static byte[] WebP(int size = 256) => Make("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "u8.ToArray(), size);

    public static byte[] Gif(int size = 256) => Make("GIF89a"u8.ToArray(), size);

    /// <summary>A RIFF container that is not WebP (a WAVE sound).</summary>
    public static byte[] Wave(int size = 256) => Make("RIFF\u0000\u0000\u0000\u0000WAVEfmt "u8.ToArray(), size);

    public static byte[] ByName(string type, int size = 256) => type switch
    {
        "png" => Png(size),
        "jpeg" => Jpeg(size),
        "webp" => WebP(size),
        "gif" => Gif(size),
        "wave" => Wave(size),
        "text" => Make("hello, I am not an image"u8.ToArray(), size),
        "pdf" => Make("%PDF-1.7"u8.ToArray(), size),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static MultipartFormDataContent Multipart(byte[] bytes, string fileName = "frame.png", string contentType = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static byte[] Make(byte[] header, int size)
    {
        var bytes = new byte[Math.Max(size, header.Length)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31 + 7);
        }

        header.CopyTo(bytes, 0);
        return bytes;
    }
}
