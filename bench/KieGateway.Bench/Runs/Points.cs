using KieGateway.Bench.Load;

namespace KieGateway.Bench.Runs;

/// <summary>Something wrk drives: a name for the tables and the request it sends.</summary>
internal sealed record Target(string Name, WrkRequest Request);

/// <summary>One measured wrk run and the CPU steal during it.</summary>
internal sealed record Sample(WrkResult Result, double StealPercent);

/// <summary>One target at one number of connections, over the rounds; each figure is the median of its rounds.</summary>
internal sealed record PointResult(string Target, int Connections, IReadOnlyList<Sample> Samples)
{
    public double RequestsPerSecond => Median(Samples.Select(s => s.Result.RequestsPerSecond));

    public double P50Ms => Median(Samples.Select(s => s.Result.P50Ms));

    public double P99Ms => Median(Samples.Select(s => s.Result.P99Ms));

    /// <summary>Errors over all rounds: any is worth a look, so they are added up, not a median.</summary>
    public long Errors => Samples.Sum(s => s.Result.Errors);

    public long Requests => Samples.Sum(s => s.Result.Requests);

    public double MaxStealPercent => Samples.Max(s => s.StealPercent);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
