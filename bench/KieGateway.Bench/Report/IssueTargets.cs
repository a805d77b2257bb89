using static KieGateway.Bench.Report.Numbers;

namespace KieGateway.Bench.Report;

/// <summary>One of the issue's targets, what this run measured for it, and whether it was met (null: not measured).</summary>
internal sealed record TargetRow(string Target, string Measured, bool? Met);

/// <summary>The issue's targets (item 3), each judged on ratios from this same run.</summary>
internal static class IssueTargets
{
    private const long MiB = 1024 * 1024;

    public static IReadOnlyList<TargetRow> Evaluate(BenchReport report)
    {
        var rows = new List<TargetRow>();
        var most = report.Plan.Connections.Max();
        if (report.Read("gateway", most) is { } gatewayRead && report.Read("nginx", most) is { } nginxRead)
        {
            var ratio = gatewayRead.RequestsPerSecond / nginxRead.RequestsPerSecond;
            rows.Add(new($"Reading: gateway req/s ≥ 1.0× nginx's at {most} connections",
                $"{Ratio(ratio)} ({Rps(gatewayRead.RequestsPerSecond)} vs {Rps(nginxRead.RequestsPerSecond)} req/s)", ratio >= 1.0));
            rows.Add(new($"Reading: gateway p99 ≤ 10 ms at {most} connections", $"{Ms(gatewayRead.P99Ms)} ms", gatewayRead.P99Ms <= 10));
        }

        if (report.Create("gateway", 1) is { } gatewayCreate && report.Create("nginx", 1) is { } nginxCreate)
        {
            var gap = gatewayCreate.P50Ms - nginxCreate.P50Ms;
            rows.Add(new("Creating: gateway p50 at 1 connection within 2 ms of nginx's",
                $"{Ms(gatewayCreate.P50Ms)} vs {Ms(nginxCreate.P50Ms)} ms: {(gap >= 0 ? "+" : "")}{Ms(gap)} ms", gap <= 2));
        }

        var gateway = report.Main.Gateway;
        rows.Add(new("Idle RSS ≤ 120 MiB (after start, before any load)", MiB(gateway.Idle.RssBytes), gateway.Idle.RssBytes <= 120 * MiB));
        rows.Add(new("Peak RSS ≤ 300 MiB (VmHWM over the read and create runs)", MiB(gateway.AfterRuns.PeakRssBytes), gateway.AfterRuns.PeakRssBytes <= 300 * MiB));

        var slowest = report.Starts.MaxBy(s => s.ReadyAfter)!;
        rows.Add(new($"Ready ≤ 2 s after the process starts (slowest of {report.Starts.Count()} starts)",
            $"{Seconds(slowest.ReadyAfter)} ({slowest.What})", slowest.ReadyAfter <= TimeSpan.FromSeconds(2)));

        var (small, large) = (report.Plan.ScaleSizes.Min(), report.Plan.ScaleSizes.Max());
        foreach (var store in new[] { "Sqlite", "Postgres" })
        {
            foreach (var endpoint in new[] { "GET /videos/{id}", "GET /videos" })
            {
                var target = $"{Seeding.StoreNames.Display(store)}, `{endpoint}`: p50 with {Count(large)} videos within 1.5× of {Count(small)}";
                if (report.ScalePoint(store, small, endpoint) is { } few && report.ScalePoint(store, large, endpoint) is { } many)
                {
                    var ratio = many.P50Ms / few.P50Ms;
                    rows.Add(new(target, $"{Ratio(ratio)} ({Ms(many.P50Ms)} vs {Ms(few.P50Ms)} ms)", ratio <= 1.5));
                }
                else
                {
                    rows.Add(new(target, "not run", null));
                }
            }
        }

        return rows;
    }
}
