namespace KieGateway.Jobs;

/// <summary>Wakes the background refresher early (a Kie callback says a job changed) instead of at its next tick.</summary>
internal sealed class JobSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending: it covers every signal until the refresher runs.
        }
    }

    /// <summary>Returns at the next tick of <paramref name="time"/> or at a wake-up, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan tick, TimeProvider time, CancellationToken ct)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = _wake.WaitAsync(either.Token);
        var ticked = Task.Delay(tick, time, either.Token);
        await Task.WhenAny(woken, ticked);
        await either.CancelAsync(); // the other one is no longer needed
    }
}
