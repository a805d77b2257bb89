using KieGateway.Bench.Load;
using KieGateway.Bench.Seeding;
using KieGateway.Bench.Servers;

namespace KieGateway.Bench.Runs;

/// <summary>
/// Item 1 of the issue: the gateway (on SQLite) against nginx in front of the fake and against the bare endpoint,
/// reading a completed video and creating one, at each number of connections; with its memory and start time.
/// </summary>
internal static class MainRun
{
    /// <summary>Long enough after the ready answer for start-up work (JIT, first queries, the refresher's first pass) to settle.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task<MainResults> RunAsync(BenchEnvironment env, BenchPlan plan, PointRunner runner, FakeKieServer kie, string kieKey,
        GatewaySettings settings, TextWriter progress, CancellationToken ct)
    {
        var store = new SqliteStore(Path.Combine(env.Scratch("stores"), "gateway.db"));
        await using var gateway = await GatewayServer.StartAsync(env, "gateway", settings, store, ct);
        progress.WriteLine($"gateway ready {gateway.ReadyAfter.TotalMilliseconds:0} ms after its start (new SQLite store)");
        await Task.Delay(Settle, ct);
        var gatewayIdle = gateway.Memory();

        using var calls = new GatewayCalls(gateway.BaseUrl, settings.ClientKey);
        var id = await calls.CreateCompletedVideoAsync(ct);
        var body = Path.Combine(env.Scratch("bare"), "video.json");
        await File.WriteAllBytesAsync(body, await calls.GetBytesAsync($"videos/{id}", ct), ct);

        await using var bare = await BareServer.StartAsync(env, body, ct);
        await using var nginx = await NginxServer.StartAsync(env, kie.BaseUrl, kieKey, ct);
        await Task.Delay(Settle, ct);
        var (bareIdle, nginxIdle) = (bare.Memory(), nginx.Memory());
        var key = BenchRequests.Bearer(settings.ClientKey);
        Target[] reads =
        [
            new("gateway", new WrkRequest(new Uri(gateway.BaseUrl, $"videos/{id}")) { Headers = [key] }),
            new("nginx", new WrkRequest(new Uri(nginx.BaseUrl, $"api/v1/veo/record-info?taskId={BenchRequests.FakeTaskId}"))),
            new("bare", new WrkRequest(new Uri(bare.BaseUrl, $"videos/{id}"))),
        ];
        Target[] creates =
        [
            new("gateway", new WrkRequest(new Uri(gateway.BaseUrl, "videos"), "POST", BenchRequests.CreateVideo) { Headers = [key] }),
            new("nginx", new WrkRequest(new Uri(nginx.BaseUrl, "api/v1/veo/generate"), "POST", BenchRequests.VeoGenerate)),
        ];
        await TargetCheck.EnsureAnswersAsync(reads.Concat(creates), ct);
        progress.WriteLine("warming up every target");
        await runner.WarmUpAsync(reads.Concat(creates), ct);

        var readResults = new List<PointResult>();
        foreach (var connections in plan.Connections)
        {
            readResults.AddRange(await runner.RunAsync("read a video", reads, connections, ct));
        }

        var createResults = new List<PointResult>();
        foreach (var connections in plan.Connections)
        {
            createResults.AddRange(await runner.RunAsync("create a video", creates, connections, ct));
        }

        await Task.Delay(Settle, ct);
        return new MainResults(readResults, createResults,
            new ServerFigures(gateway.ReadyAfter, gatewayIdle, gateway.Memory()),
            new ServerFigures(nginx.ReadyAfter, nginxIdle, nginx.Memory()),
            new ServerFigures(bare.ReadyAfter, bareIdle, bare.Memory()));
    }
}
