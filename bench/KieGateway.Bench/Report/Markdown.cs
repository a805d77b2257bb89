using System.Globalization;
using System.Text;
using KieGateway.Bench.Load;
using KieGateway.Bench.Servers;
using static KieGateway.Bench.Report.Numbers;

namespace KieGateway.Bench.Report;

/// <summary>bench/RESULTS.md: the header (when, what, how), then the tables (<see cref="Tables"/>) and the targets.</summary>
internal static class Markdown
{
    public static string Render(BenchReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# KieGateway benchmarks").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured on {report.Started.UtcDateTime:yyyy-MM-dd HH:mm} UTC by `{report.Command}`, in {report.Took.TotalMinutes:0.0} minutes.");
        if (report.Quick)
        {
            md.AppendLine().AppendLine("**A quick run** (`--quick`): fewer points, one round, short runs. A smoke test of the harness, not figures to quote.");
        }

        md.AppendLine().AppendLine("## Machine").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        var machine = report.Machine;
        md.AppendLine(CultureInfo.InvariantCulture, $"| CPU | {machine.Cpu}, {machine.Cores} cores |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| memory | {machine.Memory} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| kernel | Linux {machine.Kernel} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| .NET | {machine.Dotnet} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| baseline | {machine.Nginx} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| load | {machine.Wrk}, `-t{Wrk.Threads}` |");
        foreach (var note in report.Scale.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| store | {note} |");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| CPU steal | {Percent(report.StealPercent)} of all CPU time over the run (the hypervisor's; per-run figures in the tables) |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| load average | {machine.LoadAverage} at the start, {report.LoadAverageAtEnd} at the end (1, 5, 15 min): anything above what the bench itself runs is other work on the machine, competing for its cores |");
        AppendHow(md, report);
        Tables.Append(md, report);
        md.AppendLine().AppendLine("## Targets").AppendLine();
        md.AppendLine("| target (issue 6, item 3) | measured | met |").AppendLine("|---|---|---|");
        foreach (var row in IssueTargets.Evaluate(report))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row.Target} | {row.Measured} | {row.Met switch { true => "met", false => "**missed**", null => "–" }} |");
        }

        return md.ToString();
    }

    private static void AppendHow(StringBuilder md, BenchReport report)
    {
        var plan = report.Plan;
        md.AppendLine().AppendLine("## How").AppendLine();
        md.AppendLine("Three targets on loopback, driven by wrk on the same machine:").AppendLine();
        md.AppendLine("- **gateway**: KieGateway published as its image is (Release, ReadyToRun: `bench/publish-gateway.sh`; `dotnet KieGateway.dll`, Production, Kie mode Live, SQLite store) in front of a fast fake of Kie (`bench/KieGateway.Bench kie`, which answers at once and finishes every task at its first status read).");
        md.AppendLine("- **nginx**: the platform team's alternative, a reverse proxy to the same fake that adds Kie's `Authorization` header (`worker_processes auto`, keep-alive to the upstream, a buffered access log).");
        md.AppendLine("- **bare**: a bare Kestrel minimal API answering the gateway's own JSON for the video from memory (no auth, store or logging): the limit of our own stack.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Every server is first warmed up once ({plan.ServerWarmUp.TotalSeconds:0} s of each of its requests at 16 connections, not counted). Each point: {plan.Rounds} {(plan.Rounds == 1 ? "round" : "rounds")} of {plan.Duration.TotalSeconds:0} s per target after a {plan.WarmUp.TotalSeconds:0} s warm-up, the targets interleaved round by round; the tables give the median of the rounds for each figure, errors (non-2xx and socket errors) added up over the rounds, and the highest CPU steal of any round. Ratios are the gateway's figure divided by the other's (req/s: above 1 is better; latency: below 1 is better).");
        md.AppendLine();
        md.AppendLine("The gateway runs with its shipped configuration (logging at Information with a line per request, background refresh, webhooks, metrics) except these, raised so that its own limits do not refuse the load:").AppendLine();
        md.AppendLine("| setting | bench | default | why |").AppendLine("|---|---|---|---|");
        foreach (var setting in GatewaySettings.Raised)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{setting.Key}` | `{setting.Value}` | {setting.Default} | {setting.Why} |");
        }

        md.AppendLine();
        md.AppendLine("`Jobs:StatusReadsPerSecond` stays at Kie's 10 per second: the create runs leave thousands of queued videos, which the background refresher then works through at that pace during the later runs, as it would in production. Creates send no `Idempotency-Key` (it is optional).");
    }
}
