using System.Diagnostics;
using OpenTelemetry;

namespace KieGateway.Tests.Telemetry;

/// <summary>
/// Spans as the gateway's own tracer provider ends them (a processor in its pipeline, beside any exporter).
/// ActivityListeners are process-wide, so it also sees spans of hosts that other tests run at the same time:
/// tests pick theirs by trace id or video id.
/// </summary>
public sealed class SpanRecorder : BaseProcessor<Activity>
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _ended = [];
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Done)> _waiters = [];

    public IReadOnlyList<Activity> Ended
    {
        get
        {
            lock (_gate)
            {
                return _ended.ToList();
            }
        }
    }

    public override void OnEnd(Activity data)
    {
        lock (_gate)
        {
            _ended.Add(data);
            foreach (var waiter in _waiters.Where(w => w.Match(data)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(data);
            }
        }
    }

    /// <summary>The first ended span that matches, waiting for it (a server span ends just after its answer is sent).</summary>
    public Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        lock (_gate)
        {
            if (_ended.FirstOrDefault(match) is { } ended)
            {
                return Task.FromResult(ended);
            }

            var done = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
