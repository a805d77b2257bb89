using System.Buffers;
using System.Text.RegularExpressions;
using KieGateway.Security;

namespace KieGateway.Logging;

/// <summary>
/// Takes secrets out of log text: the Kie key, the client key of the request under way (only its hash is
/// configured, so it is known by value only while its request runs), anything that looks like a bearer
/// token or an <c>X-Api-Key</c> value, and the per-job token in Kie callback paths.
/// </summary>
internal sealed partial class SecretRedactor(Func<string?> kieKey, IHttpContextAccessor http)
{
    public const string Redacted = "[REDACTED]";

    // Shorter "keys" sent by clients are no one's secret, and replacing them would garble every line.
    private const int MinClientKeyLength = 8;

    /// <summary>What every pattern below starts with: text holding none of these, nor a key, has nothing to take out.</summary>
    private static readonly SearchValues<string> Markers =
        SearchValues.Create(["/callbacks/kie/", "bearer", "x-api-key"], StringComparison.OrdinalIgnoreCase);

    public string Redact(string text)
    {
        var kie = kieKey();
        var client = PresentedClientKey();
        // Most text (every property of every line) holds no secret: one scan each, and the text back as it was.
        if (!text.AsSpan().ContainsAny(Markers) && !Holds(text, kie) && !Holds(text, client))
        {
            return text;
        }

        var clean = CallbackToken().Replace(text, "/callbacks/kie/" + Redacted);
        clean = Credential().Replace(clean, "$1" + Redacted);
        if (kie is { Length: > 0 })
        {
            clean = clean.Replace(kie, Redacted, StringComparison.Ordinal);
        }

        if (client.Length >= MinClientKeyLength)
        {
            clean = clean.Replace(client.ToString(), Redacted, StringComparison.Ordinal);
        }

        return clean;
    }

    private static bool Holds(string text, ReadOnlySpan<char> secret) => !secret.IsEmpty && text.AsSpan().Contains(secret, StringComparison.Ordinal);

    private ReadOnlySpan<char> PresentedClientKey()
    {
        try
        {
            return http.HttpContext is { } context && ClientKeyHandler.PresentedKey(context.Request.Headers) is { Length: >= MinClientKeyLength } key
                ? key
                : default;
        }
        catch (ObjectDisposedException)
        {
            return default; // logged while the request is being torn down
        }
    }

    [GeneratedRegex("/callbacks/kie/[^/?\\s\"]+", RegexOptions.CultureInvariant)]
    private static partial Regex CallbackToken();

    [GeneratedRegex("""(\bbearer\s+|x-api-key["']?\s*[:=]\s*["']?)[A-Za-z0-9\-._~+/=]{8,}""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
