using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KieGateway.Webhooks;

/// <summary>Standard Webhooks signing: <c>v1,</c> + base64 HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>.</summary>
internal static class WebhookSigner
{
    public const string SecretPrefix = "whsec_";

    // 24 bytes is the Standard Webhooks minimum; shorter keys are too easy to guess.
    private const int MinKeyBytes = 24;

    public static bool TryDecodeSecret(string secret, out byte[] key)
    {
        key = [];
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = secret[SecretPrefix.Length..];
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length) || length < MinKeyBytes)
        {
            return false;
        }

        key = buffer[..length];
        return true;
    }

    public static string Sign(byte[] key, string id, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
