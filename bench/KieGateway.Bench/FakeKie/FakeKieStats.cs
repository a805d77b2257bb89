using System.Collections.Concurrent;

namespace KieGateway.Bench.FakeKie;

/// <summary>What the fake has seen and done, for <c>GET /_fake/stats</c>: a drill compares it with what the gateway says.</summary>
internal sealed class FakeKieStats
{
    private long _createsReceived;
    private long _tasksMade;
    private long _statusReads;
    private long _unauthorized;
    private long _failuresInjected;
    private long _resetsBeforeTask;
    private long _resetsAfterTask;
    private readonly ConcurrentDictionary<string, int> _readsByTask = new(StringComparer.Ordinal);

    public void CreateReceived() => Interlocked.Increment(ref _createsReceived);

    /// <summary>Counts a task made (and charged, as Kie would) and answers its number.</summary>
    public long TaskMade() => Interlocked.Increment(ref _tasksMade);

    public void StatusRead() => Interlocked.Increment(ref _statusReads);

    /// <summary>Counts a read of one of the fake's own tasks and answers how many it has had, this one included.</summary>
    public int TaskRead(string taskId) => _readsByTask.AddOrUpdate(taskId, 1, (_, reads) => reads + 1);

    public void Unauthorized() => Interlocked.Increment(ref _unauthorized);

    public void Injected(CreateFault fault)
    {
        switch (fault)
        {
            case CreateFault.Fail:
                Interlocked.Increment(ref _failuresInjected);
                break;
            case CreateFault.ResetBeforeTask:
                Interlocked.Increment(ref _resetsBeforeTask);
                break;
            case CreateFault.ResetAfterTask:
                Interlocked.Increment(ref _resetsAfterTask);
                break;
        }
    }

    public FakeKieSnapshot Snapshot() => new(
        Interlocked.Read(ref _createsReceived),
        Interlocked.Read(ref _tasksMade),
        Interlocked.Read(ref _statusReads),
        Interlocked.Read(ref _unauthorized),
        new FaultCounts(Interlocked.Read(ref _failuresInjected), Interlocked.Read(ref _resetsBeforeTask), Interlocked.Read(ref _resetsAfterTask)),
        _readsByTask.Count);
}

/// <summary>
/// The stats' JSON: <c>tasksMade</c> counts every task Kie would charge for, answered or not; <c>tasksRead</c> the
/// distinct tasks whose status was asked for (a task nobody reads is one whose id the gateway never stored).
/// </summary>
internal sealed record FakeKieSnapshot(long CreatesReceived, long TasksMade, long StatusReads, long Unauthorized, FaultCounts Faults, long TasksRead);

internal sealed record FaultCounts(long Failures, long ResetsBeforeTask, long ResetsAfterTask);
