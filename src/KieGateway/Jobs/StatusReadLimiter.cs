using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

/// <summary>
/// One token bucket for every status read to Kie (Kie allows 10 per second per key), refilled from
/// the TimeProvider as time passes, so it needs no timer and follows a fake clock in tests.
/// </summary>
internal sealed class StatusReadLimiter(TimeProvider time, IOptions<JobsOptions> options)
{
    private readonly Lock _gate = new();
    private double _tokens = options.Value.StatusReadsPerSecond;
    private DateTimeOffset _refilledAt = time.GetUtcNow();

    public bool TryAcquire()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var rate = options.Value.StatusReadsPerSecond;
            _tokens = Math.Min(rate, _tokens + Math.Max(0, (now - _refilledAt).TotalSeconds) * rate);
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
