using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KieGateway.Callbacks;

/// <summary>
/// Kie's optional callback signature (kie-api.md §5): Base64(HMAC-SHA256(key, taskId + "." + timestamp)),
/// with our own replay window since Kie specifies none.
/// </summary>
internal static class CallbackSignature
{
    public static bool IsValid(string hmacKey, string? taskId, string? timestamp, string? signature, DateTimeOffset now, TimeSpan window)
    {
        if (string.IsNullOrEmpty(taskId) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > window)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(hmacKey), Encoding.UTF8.GetBytes($"{taskId}.{timestamp}"));
        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64String(signature.Trim(), given, out var length)
               && CryptographicOperations.FixedTimeEquals(expected, given[..length]);
    }
}
