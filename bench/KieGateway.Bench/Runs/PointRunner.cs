using System.Globalization;
using KieGateway.Bench.Load;
using KieGateway.Bench.Report;

namespace KieGateway.Bench.Runs;

/// <summary>
/// Measures one point (a number of connections) for several targets, interleaved round by round, each run
/// after a short warm-up of its own that is not counted.
/// </summary>
internal sealed class PointRunner(Wrk wrk, BenchPlan plan, TextWriter progress)
{
    /// <summary>Connections for the servers' one-time warm-up: enough to run the request path concurrently.</summary>
    private const int WarmUpConnections = 16;

    /// <summary>Runs each target's request for the plan's server warm-up, nothing recorded.</summary>
    public async Task WarmUpAsync(IEnumerable<Target> targets, CancellationToken ct)
    {
        foreach (var target in targets)
        {
            await wrk.RunAsync(target.Request, WarmUpConnections, plan.ServerWarmUp, ct);
        }
    }

    public async Task<IReadOnlyList<PointResult>> RunAsync(string scenario, IReadOnlyList<Target> targets, int connections, CancellationToken ct)
    {
        var samples = targets.ToDictionary(t => t.Name, _ => new List<Sample>());
        for (var round = 1; round <= plan.Rounds; round++)
        {
            foreach (var target in targets)
            {
                await wrk.RunAsync(target.Request, connections, plan.WarmUp, ct);
                var before = CpuTimes.Now();
                var result = await wrk.RunAsync(target.Request, connections, plan.Duration, ct);
                var steal = CpuTimes.Now().StealPercentSince(before);
                samples[target.Name].Add(new Sample(result, steal));
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {scenario,-22} {target.Name,-16} c={connections,-3} round {round}: {result.RequestsPerSecond,9:0} req/s  p50 {result.P50Ms,7:0.00} ms  p99 {result.P99Ms,7:0.00} ms  errors {result.Errors}  steal {steal:0.0}%"));
            }
        }

        return targets.Select(t => new PointResult(t.Name, connections, samples[t.Name])).ToList();
    }
}
