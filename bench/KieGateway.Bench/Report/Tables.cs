using System.Globalization;
using System.Text;
using KieGateway.Bench.Runs;
using static KieGateway.Bench.Report.Numbers;

namespace KieGateway.Bench.Report;

/// <summary>The scenario, memory and scale tables.</summary>
internal static class Tables
{
    public static void Append(StringBuilder md, BenchReport report)
    {
        md.AppendLine().AppendLine("## Reading a completed video").AppendLine();
        md.AppendLine("gateway `GET /videos/{id}` · nginx → fake `GET /api/v1/veo/record-info` · bare `GET /videos/{id}`").AppendLine();
        Scenario(md, report.Main.Reads, ["nginx", "bare"]);

        md.AppendLine().AppendLine("## Creating a video").AppendLine();
        md.AppendLine("gateway `POST /videos` (stored, then Kie's `generate`, then stored again) · nginx → fake `POST /api/v1/veo/generate`").AppendLine();
        Scenario(md, report.Main.Creates, ["nginx"]);

        Memory(md, report.Main);
        md.AppendLine().AppendLine("| gateway start | from process start to the first `200` of `/health/ready` |").AppendLine("|---|---:|");
        foreach (var start in report.Starts)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {start.What} | {Seconds(start.ReadyAfter)} |");
        }

        AppendScale(md, report);
    }

    private static void Memory(StringBuilder md, MainResults main)
    {
        md.AppendLine().AppendLine("## Memory and start-up").AppendLine();
        md.AppendLine("nginx: its master and workers added up. Idle: 3 s after the server first answered, before any load.").AppendLine();
        md.AppendLine("| figure | gateway | nginx | bare | gateway ÷ nginx | gateway ÷ bare |").AppendLine("|---|---:|---:|---:|---:|---:|");
        Row("RSS idle after the start", f => f.Idle.RssBytes);
        Row("peak RSS (VmHWM) over the read and create runs", f => f.AfterRuns.PeakRssBytes);
        Row("RSS idle after the runs", f => f.AfterRuns.RssBytes);
        var (g, n, b) = (main.Gateway.ReadyAfter, main.Nginx.ReadyAfter, main.Bare.ReadyAfter);
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| from process start to the first `200` (gateway: `/health/ready`) | {Seconds(g)} | {Seconds(n)} | {Seconds(b)} | {Ratio(g / n)} | {Ratio(g / b)} |");

        void Row(string figure, Func<ServerFigures, long> bytes)
        {
            var (gateway, nginx, bare) = (bytes(main.Gateway), bytes(main.Nginx), bytes(main.Bare));
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {figure} | {MiB(gateway)} | {MiB(nginx)} | {MiB(bare)} | {Ratio((double)gateway / nginx)} | {Ratio((double)gateway / bare)} |");
        }
    }

    /// <summary>One row per target and point; the gateway's rows carry its ratios to the others at the same point.</summary>
    private static void Scenario(StringBuilder md, IReadOnlyList<PointResult> points, string[] others)
    {
        var headers = string.Concat(others.Select(o => $" gateway ÷ {o} (req/s, p50, p99) |"));
        md.AppendLine($"| target | connections | req/s | p50 ms | p99 ms | errors | steal |{headers}");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|" + string.Concat(others.Select(_ => "---|")));
        foreach (var point in points.OrderBy(p => p.Connections).ThenBy(p => p.Target == "gateway" ? 0 : 1))
        {
            var ratios = string.Concat(others.Select(o =>
            {
                var other = points.FirstOrDefault(p => p.Target == o && p.Connections == point.Connections);
                return point.Target == "gateway" && other is not null
                    ? $" {Ratio(point.RequestsPerSecond / other.RequestsPerSecond)}, {Ratio(point.P50Ms / other.P50Ms)}, {Ratio(point.P99Ms / other.P99Ms)} |"
                    : " |";
            }));
            var name = point.Target == "gateway" ? "**gateway**" : point.Target;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {point.Connections} | {Rps(point.RequestsPerSecond)} | {Ms(point.P50Ms)} | {Ms(point.P99Ms)} | {Count(point.Errors)} | {Percent(point.MaxStealPercent)} |{ratios}");
        }
    }

    private static void AppendScale(StringBuilder md, BenchReport report)
    {
        md.AppendLine().AppendLine("## Scale: stored videos").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Completed videos of the bench client, seeded straight into the store (copies of one the gateway made); `GET /videos/{{id}}` reads one in the middle (a finished video is answered from the gateway's memory after its first read, so this row shows that the store's size does not reach it), `GET /videos` the newest page (20), from the store every time. {report.Plan.ScaleConnections} connections; the two sizes run side by side and are interleaved. Kie status reads while these ran: {Count(report.Scale.StatusReads)} (completed videos are never polled).");
        md.AppendLine();
        if (report.Scale.Points.Count == 0)
        {
            md.AppendLine("Not run.");
            return;
        }

        md.AppendLine("| store | endpoint | videos | req/s | p50 ms | p99 ms | errors | steal | p50 ÷ smallest |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in report.Scale.Points.GroupBy(p => (p.Store, p.Endpoint)))
        {
            var smallest = group.MinBy(p => p.Videos)!.Point;
            foreach (var result in group.OrderBy(p => p.Videos))
            {
                var point = result.Point;
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Seeding.StoreNames.Display(result.Store)} | `{result.Endpoint}` | {Count(result.Videos)} | {Rps(point.RequestsPerSecond)} | {Ms(point.P50Ms)} | {Ms(point.P99Ms)} | {Count(point.Errors)} | {Percent(point.MaxStealPercent)} | {Ratio(point.P50Ms / smallest.P50Ms)} |");
            }
        }
    }
}
