using System.Diagnostics;
using System.Runtime.InteropServices;
using KieGateway.Bench.Load;
using KieGateway.Bench.Report;
using KieGateway.Bench.Servers;

namespace KieGateway.Bench.Runs;

/// <summary>
/// The orchestrator (<c>bench</c> role): the fake Kie, then the main run (gateway vs nginx vs bare), then the
/// scale run, then the report, written to a file and printed. Every process it started is stopped on the way
/// out, whether the run ends, fails or is interrupted (SIGINT, SIGTERM).
/// </summary>
internal static class BenchRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        try
        {
            await RunAsync(BenchArgs.Parse(args), stop.Token);
            return 0;
        }
        catch (BenchFailure ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("bench: interrupted; everything it started is stopped.");
            return 130;
        }

        // The run's own finally blocks stop the children; the signal only has to end the run.
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task RunAsync(BenchArgs args, CancellationToken ct)
    {
        var env = new BenchEnvironment(args.Repo, args.Work);
        env.Check();
        var plan = args.Quick ? BenchPlan.Quick : BenchPlan.Full;
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var machine = await MachineInfo.ReadAsync(ct);
        var cpu = CpuTimes.Now();
        var progress = Console.Out;
        progress.WriteLine($"bench: {(args.Quick ? "quick" : "full")} run; logs and stores in {args.Work}");

        var kieKey = GatewaySettings.NewKey("kie_fake_");
        await using var kie = await FakeKieServer.StartAsync(env, kieKey, ct);
        var settings = new GatewaySettings(kie.BaseUrl, kieKey, GatewaySettings.NewKey("kgw_bench_"));
        var runner = new PointRunner(new Wrk(env.WrkScript), plan, progress);

        var main = await MainRun.RunAsync(env, plan, runner, kie, kieKey, settings, progress, ct);
        var scale = await ScaleRun.RunAsync(env, plan, runner, kie, settings, args.Postgres, progress, ct);

        var report = new BenchReport(started, watch.Elapsed, args.Command, args.Quick, machine, plan, main, scale, CpuTimes.Now().StealPercentSince(cpu),
            await MachineInfo.ReadLoadAverageAsync(ct));
        var markdown = Markdown.Render(report);
        Directory.CreateDirectory(Path.GetDirectoryName(args.Out)!);
        await File.WriteAllTextAsync(args.Out, markdown, ct);
        progress.WriteLine();
        progress.WriteLine(markdown);
        progress.WriteLine($"bench: written to {args.Out}");
    }
}
