using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace KieGateway.Logging;

/// <summary>
/// Wraps the gateway's sinks: an exception whose text (message, inner exceptions, stack) holds a secret
/// reaches them as a <see cref="RedactedException"/>. Enrichers cannot do this: a log event's exception is
/// read-only, so the event is copied with properties already redacted by <see cref="SecretRedactionEnricher"/>.
/// </summary>
internal sealed class RedactingSink(ILogEventSink inner, SecretRedactor redactor) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        inner.Emit(logEvent.Exception is { } exception ? WithoutSecrets(logEvent, exception) : logEvent);
    }

    private LogEvent WithoutSecrets(LogEvent logEvent, Exception exception)
    {
        var original = exception.ToString();
        var text = redactor.Redact(original);
        return text == original
            ? logEvent
            : new LogEvent(logEvent.Timestamp, logEvent.Level, new RedactedException(redactor.Redact(exception.Message), text),
                logEvent.MessageTemplate, logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
                logEvent.TraceId ?? default, logEvent.SpanId ?? default);
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}

/// <summary>What sinks see of an exception that carried a secret: its text, with the secret taken out.</summary>
internal sealed class RedactedException(string message, string text) : Exception(message)
{
    public override string ToString() => text;
}

internal static class RedactingSinkExtensions
{
    /// <summary>Sinks configured in <paramref name="sinks"/> get exceptions with secrets taken out.</summary>
    public static LoggerConfiguration Redacted(this LoggerSinkConfiguration to, SecretRedactor redactor, Action<LoggerSinkConfiguration> sinks) =>
        to.Sink(LoggerSinkConfiguration.Wrap(sink => new RedactingSink(sink, redactor), sinks));
}
