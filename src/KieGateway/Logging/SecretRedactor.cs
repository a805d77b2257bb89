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

    public string Redact(string text)
    {
        var clean = CallbackToken().Replace(text, "/callbacks/kie/" + Redacted);
        clean = Credential().Replace(clean, "$1" + Redacted);
        if (kieKey() is { Length: > 0 } key)
        {
            clean = clean.Replace(key, Redacted, StringComparison.Ordinal);
        }

        if (PresentedClientKey() is { Length: >= MinClientKeyLength } client)
        {
            clean = clean.Replace(client, Redacted, StringComparison.Ordinal);
        }

        return clean;
    }

    private string? PresentedClientKey()
    {
        try
        {
            return http.HttpContext is { } context ? ClientKeyHandler.ReadKey(context.Request.Headers) : null;
        }
        catch (ObjectDisposedException)
        {
            return null; // logged while the request is being torn down
        }
    }

    [GeneratedRegex("/callbacks/kie/[^/?\\s\"]+", RegexOptions.CultureInvariant)]
    private static partial Regex CallbackToken();

    [GeneratedRegex("""(\bbearer\s+|x-api-key["']?\s*[:=]\s*["']?)[A-Za-z0-9\-._~+/=]{8,}""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
