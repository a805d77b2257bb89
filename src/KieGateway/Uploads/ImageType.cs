namespace KieGateway.Uploads;

/// <summary>The image types Kie's video models take, recognised by their magic numbers, never by a name or a declared type.</summary>
internal sealed record ImageType(string MediaType, string Extension)
{
    public static readonly ImageType Jpeg = new("image/jpeg", "jpg");
    public static readonly ImageType Png = new("image/png", "png");
    public static readonly ImageType WebP = new("image/webp", "webp");

    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>JPEG: FF D8 FF; PNG: its 8-byte signature; WebP: a RIFF container of form type WEBP.</summary>
    public static ImageType? Sniff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(JpegStart) ? Jpeg
        : bytes.StartsWith(PngSignature) ? Png
        : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? WebP
        : null;
}
