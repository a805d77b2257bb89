using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace KieGateway.Uploads;

/// <summary>
/// The name a file gets on Kie's host. Kie overwrites a file of the same name, so every name ends in random
/// bytes; the client's name only lends a readable, harmless stem, and the extension follows the sniffed type.
/// </summary>
internal static partial class UploadFileName
{
    private const int MaxStemLength = 40;

    public static string For(string? clientName, ImageType type)
    {
        var stem = Unsafe().Replace(Path.GetFileNameWithoutExtension((clientName ?? "").Replace('\\', '/')), "-").Trim('-');
        stem = stem.Length == 0 ? "image" : stem[..Math.Min(stem.Length, MaxStemLength)].TrimEnd('-');
        return $"{stem}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}.{type.Extension}";
    }

    [GeneratedRegex("[^A-Za-z0-9_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Unsafe();
}
