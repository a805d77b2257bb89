using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace KieGateway.Logging;

/// <summary>
/// A last line of defence before any sink: the Kie key, and the per-job token in Kie callback paths
/// (with no HMAC key it is what guards a job's callback), are replaced in every scalar property.
/// </summary>
internal sealed partial class SecretRedactionEnricher(Func<string?> secret) : ILogEventEnricher
{
    private const string Redacted = "[REDACTED]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var key = secret();
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is not ScalarValue { Value: string text })
            {
                continue;
            }

            var clean = CallbackToken().Replace(text, "/callbacks/kie/" + Redacted);
            if (!string.IsNullOrEmpty(key))
            {
                clean = clean.Replace(key, Redacted, StringComparison.Ordinal);
            }

            if (!ReferenceEquals(clean, text) && clean != text)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(clean)));
            }
        }
    }

    [GeneratedRegex("/callbacks/kie/[^/?\\s\"]+", RegexOptions.CultureInvariant)]
    private static partial Regex CallbackToken();
}
