using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace KieGateway.Videos;

/// <summary>Opaque paging cursor: clients pass back what they were given.</summary>
internal static class ListCursor
{
    public static string Encode(string seq) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("v1:" + seq));

    public static bool TryDecode(string? cursor, out long? seq)
    {
        seq = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("v1:", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                seq = value;
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
