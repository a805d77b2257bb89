using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;

namespace KieGateway.Logging;

/// <summary>Every log line written under a span carries its <c>TraceId</c> and <c>SpanId</c>, to find the trace from the line.</summary>
internal sealed class TraceIdEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (Activity.Current is { } activity)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("TraceId", activity.TraceId.ToHexString()));
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("SpanId", activity.SpanId.ToHexString()));
        }
    }
}
