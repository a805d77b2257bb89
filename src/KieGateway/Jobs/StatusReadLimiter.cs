using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

/// <summary>
/// Kie allows 10 status reads per second per key. Every read attempt to Kie (retries included) takes a
/// slot here, and no 1-second window ever holds more than the limit. Time comes from the TimeProvider,
/// so the limiter needs no timer and follows a fake clock in tests.
/// </summary>
internal sealed class StatusReadLimiter(TimeProvider time, IOptions<JobsOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();

    // A slot taken before the read starts, handed to its first attempt (AsyncLocal flows into the HTTP handler).
    private static readonly AsyncLocal<SlotHolder?> Reserved = new();

    /// <summary>Takes a slot for a read that is about to start; its first attempt uses it, retries take their own.</summary>
    public IDisposable? TryReserve()
    {
        if (!TryAcquire())
        {
            return null;
        }

        var holder = new SlotHolder();
        Reserved.Value = holder;
        return holder;
    }

    /// <summary>Used by the HTTP handler: the reserved slot if this flow has an unused one, else a new one.</summary>
    public bool TryUseReservedOrAcquire() =>
        Reserved.Value is { Used: false } holder && holder.Use() || TryAcquire();

    public bool TryAcquire()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Forget(now);
            if (_recent.Count >= options.Value.StatusReadsPerSecond)
            {
                return false;
            }

            _recent.Enqueue(now);
            return true;
        }
    }

    private void Forget(DateTimeOffset now)
    {
        while (_recent.TryPeek(out var oldest) && now - oldest >= Window)
        {
            _recent.Dequeue();
        }
    }

    private sealed class SlotHolder : IDisposable
    {
        private int _used;

        public bool Used => Volatile.Read(ref _used) == 1;

        public bool Use() => Interlocked.Exchange(ref _used, 1) == 0;

        public void Dispose()
        {
            Use();
            Reserved.Value = null;
        }
    }
}
