using KieGateway.Bench.Processes;

namespace KieGateway.Bench.Runs;

/// <summary>The gateway against nginx and the bare endpoint: reads, creates, memory.</summary>
internal sealed record MainResults(
    IReadOnlyList<PointResult> Reads,
    IReadOnlyList<PointResult> Creates,
    MemoryFigures Memory,
    StartFigure Start);

/// <summary>
/// Resident memory: the gateway idle after its start (before any load), its peak over the runs (VmHWM) and idle
/// again after them; nginx (master and workers together) and the bare endpoint at their peaks, for scale.
/// </summary>
internal sealed record MemoryFigures(ProcessMemory GatewayIdle, ProcessMemory GatewayAfterRuns, ProcessMemory Nginx, ProcessMemory Bare);

/// <summary>One start of the gateway: which, and the time from the process start to its first ready answer.</summary>
internal sealed record StartFigure(string What, TimeSpan ReadyAfter);

/// <summary>One endpoint of one store with so many videos.</summary>
internal sealed record ScaleResult(string Store, int Videos, string Endpoint, PointResult Point);

internal sealed record ScaleResults(IReadOnlyList<ScaleResult> Points, IReadOnlyList<StartFigure> Starts, IReadOnlyList<string> Notes);
