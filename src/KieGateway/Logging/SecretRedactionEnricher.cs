using Serilog.Core;
using Serilog.Events;

namespace KieGateway.Logging;

/// <summary>
/// A last line of defence: any scalar property that contains the Kie key is replaced before a sink sees it.
/// (The gateway never logs headers; this catches what a library might.)
/// </summary>
internal sealed class SecretRedactionEnricher(Func<string?> secret) : ILogEventEnricher
{
    private const string Redacted = "[REDACTED]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var key = secret();
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && text.Contains(key, StringComparison.Ordinal))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(text.Replace(key, Redacted, StringComparison.Ordinal))));
            }
        }
    }
}
