using System.Collections.Concurrent;

namespace KieGateway.Bench.Drill;

/// <summary>
/// Everything the drill's clients saw, counted as they go: answers by label, the 5xx that were not honest upstream
/// errors, answers carrying the Kie key, and the moment enough creates were accepted to kill the gateway.
/// </summary>
internal sealed class ClientTally(int killAfterAccepted, string kieKey)
{
    private readonly ConcurrentDictionary<string, int> _labels = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _dishonest = new();
    private readonly TaskCompletionSource _killPoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _postsInFlight;
    private int _accepted;
    private int _acceptedByRestarted;
    private int _keyLeaks;
    private int _serverErrors;
    private int _killing;
    private int _startedDuringKill;
    private volatile bool _restarted;

    /// <summary>Completes when <c>killAfterAccepted</c> keys have been answered 202.</summary>
    public Task KillPoint => _killPoint.Task;

    public int PostsInFlight => Volatile.Read(ref _postsInFlight);

    public int Accepted => Volatile.Read(ref _accepted);

    public int AcceptedByRestarted => Volatile.Read(ref _acceptedByRestarted);

    public int KeyLeaks => Volatile.Read(ref _keyLeaks);

    public IReadOnlyDictionary<string, int> Labels => _labels;

    /// <summary>Each 5xx that was not problem+json with its upstream code, with the start of its body.</summary>
    public IReadOnlyList<string> DishonestServerErrors => [.. _dishonest];

    public int ServerErrors => Volatile.Read(ref _serverErrors);

    public void PostStarted()
    {
        Interlocked.Increment(ref _postsInFlight);
        if (Volatile.Read(ref _killing) == 1)
        {
            Interlocked.Increment(ref _startedDuringKill);
        }
    }

    public void PostEnded() => Interlocked.Decrement(ref _postsInFlight);

    /// <summary>
    /// Called just before the kill: the creates under way now, plus (until <see cref="KillDone"/>) every one started
    /// meanwhile, bound the creates the kill can have cut. Both sides fence, so none slips between the two counts.
    /// </summary>
    public int KillStarting()
    {
        Interlocked.Exchange(ref _killing, 1);
        return Volatile.Read(ref _postsInFlight);
    }

    /// <summary>The creates started while the kill was under way.</summary>
    public int KillDone()
    {
        Interlocked.Exchange(ref _killing, 0);
        return Volatile.Read(ref _startedDuringKill);
    }

    /// <summary>From now on a 202 can only come from the restarted gateway: the first one is dead.</summary>
    public void MarkRestarted() => _restarted = true;

    public void Record(ClientAnswer answer)
    {
        _labels.AddOrUpdate(answer.Label, 1, (_, n) => n + 1);
        if (answer.IsServerError)
        {
            Interlocked.Increment(ref _serverErrors);
        }

        if (answer.IsServerError && !answer.IsHonestUpstreamError)
        {
            _dishonest.Enqueue($"{answer.Label}: {answer.Body[..Math.Min(answer.Body.Length, 300)]}");
        }

        if (answer.Body.Contains(kieKey, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _keyLeaks);
        }
    }

    /// <summary>A key's first 202.</summary>
    public void KeyAccepted()
    {
        if (_restarted)
        {
            Interlocked.Increment(ref _acceptedByRestarted);
        }

        if (Interlocked.Increment(ref _accepted) == killAfterAccepted)
        {
            _killPoint.TrySetResult();
        }
    }
}
