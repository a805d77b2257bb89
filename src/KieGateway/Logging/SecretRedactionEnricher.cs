using Serilog.Core;
using Serilog.Data;
using Serilog.Events;

namespace KieGateway.Logging;

/// <summary>
/// A last line of defence before any sink: every text in every property, nested ones included (a logged
/// header collection, a structure), goes through the <see cref="SecretRedactor"/>.
/// </summary>
internal sealed class SecretRedactionEnricher(SecretRedactor redactor) : LogEventPropertyValueRewriter<object?>, ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var clean = Visit(null, value);
            if (!ReferenceEquals(clean, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, clean));
            }
        }
    }

    protected override LogEventPropertyValue VisitScalarValue(object? state, ScalarValue scalar)
    {
        var text = scalar.Value switch
        {
            string s => s,
            Uri uri => uri.ToString(),
            _ => null,
        };
        if (text is null)
        {
            return scalar;
        }

        var clean = redactor.Redact(text);
        return clean == text ? scalar : new ScalarValue(clean);
    }
}
