using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KieGateway.Tests.Infrastructure;

/// <summary>Every log line of a test host, with its properties and exception text, for secrecy scans.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The request lines logged for <paramref name="path"/>, once there are at least <paramref name="atLeast"/> (each is written after its answer).</summary>
    public async Task<IReadOnlyList<string>> RequestLinesAsync(string method, string path, int atLeast)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var lines = Lines.Where(l => l.Contains(" responded ", StringComparison.Ordinal)
                && l.Contains($"RequestMethod={method} ", StringComparison.Ordinal) && l.Contains($"RequestPath={path} ", StringComparison.Ordinal)).ToList();
            if (lines.Count >= atLeast)
            {
                return lines;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            log._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {properties} {exception}");
        }
    }
}
