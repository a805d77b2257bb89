namespace KieGateway.Bench.Runs;

/// <summary>
/// How much to measure. Every point is run <see cref="Rounds"/> times with its targets interleaved (gateway,
/// nginx, bare, gateway, …), so that a burst of hypervisor steal hits all of them alike; the median is reported.
/// Each run follows a short warm-up of its own (<see cref="WarmUp"/>); each server, once, a longer one
/// (<see cref="ServerWarmUp"/>), so that the first point does not measure the JIT compiling the request path.
/// </summary>
internal sealed record BenchPlan(
    IReadOnlyList<int> Connections,
    int Rounds,
    TimeSpan Duration,
    TimeSpan WarmUp,
    TimeSpan ServerWarmUp,
    IReadOnlyList<int> ScaleSizes,
    int ScaleConnections)
{
    /// <summary>About 17 minutes on the 2-core machine.</summary>
    public static readonly BenchPlan Full = new([1, 16, 64], 3, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), [1_000, 100_000], 16);

    /// <summary>A smoke run of a few minutes: fewer points, one round, short runs.</summary>
    public static readonly BenchPlan Quick = new([1, 64], 1, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), [1_000, 100_000], 16);
}
