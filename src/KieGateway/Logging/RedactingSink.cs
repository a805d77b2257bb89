using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace KieGateway.Logging;

/// <summary>
/// Wraps the gateway's sinks: an exception whose text (message, inner exceptions, stack) holds a secret reaches them
/// as a <see cref="RedactedException"/>, and a message template whose own text holds one (a line written with string
/// interpolation) with that text cleaned. Enrichers cannot do this: a log event's exception and template are
/// read-only, so the event is copied, with properties already redacted by <see cref="SecretRedactionEnricher"/>.
/// </summary>
internal sealed class RedactingSink(ILogEventSink inner, SecretRedactor redactor) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        var template = WithoutSecrets(logEvent.MessageTemplate);
        var exception = logEvent.Exception is { } e ? WithoutSecrets(e) : null;
        inner.Emit(ReferenceEquals(template, logEvent.MessageTemplate) && ReferenceEquals(exception, logEvent.Exception)
            ? logEvent
            : new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template,
                logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)), logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    /// <summary>The same template, or one whose text parts are cleaned; its property holes are left as they are.</summary>
    private MessageTemplate WithoutSecrets(MessageTemplate template)
    {
        var text = redactor.Redact(template.Text);
        return text == template.Text
            ? template
            : new MessageTemplate(text, template.Tokens.Select(t => t is TextToken plain ? new TextToken(redactor.Redact(plain.Text)) : t));
    }

    private Exception WithoutSecrets(Exception exception)
    {
        var original = exception.ToString();
        var text = redactor.Redact(original);
        return text == original ? exception : new RedactedException(redactor.Redact(exception.Message), text);
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
    /// <summary>Sinks configured in <paramref name="sinks"/> get exceptions and message text with secrets taken out.</summary>
    public static LoggerConfiguration Redacted(this LoggerSinkConfiguration to, SecretRedactor redactor, Action<LoggerSinkConfiguration> sinks) =>
        to.Sink(LoggerSinkConfiguration.Wrap(sink => new RedactingSink(sink, redactor), sinks));
}
