using KieGateway.Bench.Processes;

namespace KieGateway.Bench.Runs;

/// <summary>The gateway against nginx and the bare endpoint: reads, creates, memory.</summary>
internal sealed record MainResults(
    IReadOnlyList<PointResult> Reads,
    IReadOnlyList<PointResult> Creates,
    ServerFigures Gateway,
    ServerFigures Nginx,
    ServerFigures Bare)
{
    public StartFigure Start => new("first start, new SQLite store (migrations run)", Gateway.ReadyAfter);
}

/// <summary>
/// A server's start and memory: resident idle after its start (before any load), and after the runs, when the
/// peak (VmHWM) covers the read and create runs.
/// </summary>
internal sealed record ServerFigures(TimeSpan ReadyAfter, ProcessMemory Idle, ProcessMemory AfterRuns);

/// <summary>One start of the gateway: which, and the time from the process start to its first ready answer.</summary>
internal sealed record StartFigure(string What, TimeSpan ReadyAfter);

/// <summary>One endpoint of one store with so many videos.</summary>
internal sealed record ScaleResult(string Store, int Videos, string Endpoint, PointResult Point);

/// <param name="StatusReads">Kie status reads while the scale runs ran: completed videos are never polled, so none.</param>
internal sealed record ScaleResults(IReadOnlyList<ScaleResult> Points, IReadOnlyList<StartFigure> Starts, IReadOnlyList<string> Notes, long StatusReads);
