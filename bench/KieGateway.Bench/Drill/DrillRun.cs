using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KieGateway.Bench.FakeKie;
using KieGateway.Bench.Processes;
using KieGateway.Bench.Runs;
using KieGateway.Bench.Webhooks;

namespace KieGateway.Bench.Drill;

/// <summary>
/// The fault drill (issue 6 item 4): creates with idempotency keys and client retries against a gateway whose Kie
/// fails, stalls and cuts connections, a <c>kill -9</c> of the gateway halfway, then the checks. Exit code 1 on any FAIL.
/// </summary>
internal static class DrillRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await RunAsync(DrillArgs.Parse(args));
        }
        catch (BenchFailure ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static async Task<int> RunAsync(DrillArgs args)
    {
        if (args.Plan.Problems().ToList() is { Count: > 0 } problems)
        {
            throw new BenchFailure("drill: " + string.Join(" ", problems));
        }

        var env = new BenchEnvironment(args.Repo, args.Work);
        env.Check();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var ct = timeout.Token;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var secrets = DrillSecrets.New();

        var kiePort = FreePorts.Next();
        await using var kie = ChildProcess.Start(env.DotnetRole("kie", "kie", kiePort, ["--api-key", secrets.KieKey, .. args.Plan.FakeKieArguments()]));
        var kieUrl = new Uri($"http://127.0.0.1:{kiePort}/");
        await kie.WaitForHttpAsync(new Uri(kieUrl, "_fake/stats"), TimeSpan.FromSeconds(30), ct);
        await using var receiver = await WebhookReceiver.StartAsync(FreePorts.Next(), secrets.WebhookSecret, args.Plan.ReceiverMaxMs, ct);
        var gateway = new DrillGateway(env, args.Plan, secrets, args.Postgres, FreePorts.Next(), kieUrl);
        Console.WriteLine($"drill: seed {args.Plan.Seed}; logs in {Path.Combine(args.Work, "logs")}");

        var (first, firstReady) = await gateway.StartAsync(1, ct);
        await using var firstProcess = first;
        ChildProcess? second = null;
        try
        {
            using var http = Client(gateway.BaseUrl, secrets.ClientKey, args.Plan.Clients);
            var tally = new ClientTally(args.Plan.KillAfterAccepted, secrets.KieKey);
            var createsClock = Stopwatch.StartNew();
            var creates = new CreateClients(http, args.Plan, receiver.Url, tally, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]))
                .RunAsync(ct);

            // The kill: once enough keys are accepted, with creates still under way.
            await Task.WhenAny(tally.KillPoint, creates);
            var kill = new KillMoment(false, tally.Accepted, 0, 0, TimeSpan.Zero, TimeSpan.Zero);
            if (tally.KillPoint.IsCompleted && !creates.IsCompleted)
            {
                (kill, second) = await GatewayKill.RunAsync(gateway, first, tally, receiver.Received, ct);
            }

            var keys = await creates;
            var createsTook = createsClock.Elapsed;
            Console.WriteLine($"drill: creates done in {createsTook.TotalSeconds:0} s; waiting for terminal videos and webhooks");
            var videoIds = keys.Where(k => k.VideoId is not null).Select(k => k.VideoId!).Distinct(StringComparer.Ordinal);
            var (videos, waited) = await new TerminalWait(http, tally, receiver.Received)
                .RunAsync(videoIds, TimeSpan.FromSeconds(args.Plan.WaitSeconds), ct);
            var stats = await FakeStatsAsync(kieUrl, ct);
            await (second ?? first).StopAsync(TimeSpan.FromSeconds(45)); // its log is complete before it is scanned

            var findings = new DrillFindings(args.Plan, keys, tally, stats, videos, receiver.Received, kill,
                new DrillTimings(firstReady, createsTook, waited, clock.Elapsed), KieKeyLines(env, secrets.KieKey));
            return Report(args, findings, started);
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    private static int Report(DrillArgs args, DrillFindings findings, DateTimeOffset started)
    {
        var checks = DrillChecks.Evaluate(findings);
        foreach (var check in checks)
        {
            Console.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}\n      {check.Detail}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(args.Out)!);
        File.WriteAllText(args.Out, DrillReport.Write(findings, checks, args.Command, started));
        var passed = checks.All(c => c.Passed);
        Console.WriteLine($"drill: {(passed ? "PASS" : "FAIL")}; report {args.Out}");
        return passed ? 0 : 1;
    }

    /// <summary>The fake's own counts, read without the client's key (which is the gateway's business only).</summary>
    private static async Task<FakeKieSnapshot> FakeStatsAsync(Uri kieUrl, CancellationToken ct)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<FakeKieSnapshot>(new Uri(kieUrl, "_fake/stats"), JsonSerializerOptions.Web, ct)
            ?? throw new BenchFailure("drill: the fake Kie's stats were empty.");
    }

    private static HttpClient Client(Uri baseUrl, string clientKey, int clients)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients + 8, PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", clientKey);
        return http;
    }

    /// <summary>Log lines of both gateway processes that carry the Kie key (there must be none).</summary>
    private static int KieKeyLines(BenchEnvironment env, string kieKey) =>
        new[] { "gateway-1", "gateway-2" }.Select(env.Log).Where(File.Exists)
            .Sum(log => File.ReadLines(log).Count(line => line.Contains(kieKey, StringComparison.Ordinal)));
}
