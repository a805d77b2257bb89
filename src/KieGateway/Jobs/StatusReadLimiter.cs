using KieGateway.Kie;
using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

/// <summary>
/// Kie allows 10 status reads per second per key, for the whole account: every read attempt to Kie (retries
/// included, from any replica) takes a permit of the store-wide <see cref="AccountPermits"/>.
/// </summary>
internal sealed class StatusReadLimiter(AccountPermits permits, IOptions<JobsOptions> options)
{
    // A permit taken before a read starts, handed to its first attempt (AsyncLocal flows into the HTTP handler).
    private static readonly AsyncLocal<HandedPermit?> Handed = new();

    private AccountLimit Limit => new("status-read", options.Value.StatusReadsPerSecond, TimeSpan.FromSeconds(1));

    public Task<PermitAnswer> TryTakeAsync(CancellationToken ct) => permits.TryTakeAsync(Limit, ct);

    /// <summary>
    /// Gives a permit already taken to the next read in this flow; its retries take their own. Not async on
    /// purpose: a value set here stays visible to the caller's flow.
    /// </summary>
    public IDisposable HandToNextRead()
    {
        var permit = new HandedPermit();
        Handed.Value = permit;
        return permit;
    }

    /// <summary>Used by the HTTP handler: the handed permit if this flow has an unused one, else a new one.</summary>
    public async Task<PermitAnswer> UseHandedOrTakeAsync(CancellationToken ct) =>
        Handed.Value is { } handed && handed.Use() ? PermitAnswer.Granted : await TryTakeAsync(ct);

    private sealed class HandedPermit : IDisposable
    {
        private int _used;

        public bool Use() => Interlocked.Exchange(ref _used, 1) == 0;

        public void Dispose()
        {
            Use();
            Handed.Value = null;
        }
    }
}
