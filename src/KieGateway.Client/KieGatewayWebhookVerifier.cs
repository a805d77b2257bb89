using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KieGateway.Client;

/// <summary>
/// Checks a webhook the gateway sent (Standard Webhooks: <c>webhook-id</c>, <c>webhook-timestamp</c>,
/// <c>webhook-signature</c>) before its body is trusted, then reads it.
/// </summary>
public sealed class KieGatewayWebhookVerifier
{
    /// <summary>Standard Webhooks' default: older (or newer) timestamps are refused as replays.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";
    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    /// <param name="secret">The client's webhook secret, <c>whsec_</c> + base64 (the prefix may be left out).</param>
    /// <param name="time">The clock the timestamp is checked against.</param>
    /// <param name="tolerance">How far the timestamp may be from now; <see cref="DefaultTolerance"/> when null.</param>
    public KieGatewayWebhookVerifier(string secret, TimeProvider? time = null, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length) || length == 0)
        {
            throw new ArgumentException("The webhook secret is not whsec_ followed by base64.", nameof(secret));
        }

        (_key, _time, _tolerance) = (buffer[..length], time ?? TimeProvider.System, tolerance ?? DefaultTolerance);
    }

    /// <summary>
    /// Verifies the headers against the raw body (exactly as received, before any JSON parsing) and returns
    /// the webhook; throws <see cref="WebhookVerificationException"/> when it did not come from the gateway
    /// or is too old. Deduplicate on <paramref name="webhookId"/>: retries of one event keep it.
    /// </summary>
    public VideoWebhook Verify(string? webhookId, string? webhookTimestamp, string? webhookSignature, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(webhookTimestamp) || string.IsNullOrEmpty(webhookSignature))
        {
            throw new WebhookVerificationException("The webhook-id, webhook-timestamp and webhook-signature headers are required.");
        }

        if (!long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new WebhookVerificationException("The webhook-timestamp is not Unix seconds.");
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > _tolerance)
        {
            throw new WebhookVerificationException($"The webhook-timestamp is {age} from now, beyond the {_tolerance} tolerance.");
        }

        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.{body}"));
        if (!webhookSignature.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(candidate => Matches(candidate, expected)))
        {
            throw new WebhookVerificationException("No webhook-signature matches the body with this secret.");
        }

        return JsonSerializer.Deserialize(body, KieGatewayJson.Default.VideoWebhook)
            ?? throw new WebhookVerificationException("The webhook body is empty.");
    }

    // "v1,<base64>"; other versions are skipped, as the scheme asks, so a receiver survives new ones.
    private static bool Matches(string candidate, byte[] expected)
    {
        if (!candidate.StartsWith("v1,", StringComparison.Ordinal))
        {
            return false;
        }

        var mac = new byte[expected.Length + 3];
        return Convert.TryFromBase64String(candidate[3..], mac, out var length)
            && CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, length), expected);
    }
}

/// <summary>A webhook the gateway sent: <c>video.completed</c> or <c>video.failed</c>, with the video.</summary>
public sealed record VideoWebhook(string Type, DateTimeOffset Timestamp, Video Data);

/// <summary>The webhook did not verify: answer it with 400 or 401 and do not act on it.</summary>
public sealed class WebhookVerificationException(string message) : Exception(message);
