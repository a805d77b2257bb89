using System.Diagnostics;
using System.Globalization;
using KieGateway.Bench.Load;
using KieGateway.Bench.Seeding;
using KieGateway.Bench.Servers;

namespace KieGateway.Bench.Runs;

/// <summary>
/// Item 2 of the issue: reading one video and the list's first page with 1,000 and with 100,000 stored videos, on
/// SQLite and on PostgreSQL. Per store, one gateway per size runs at once, so that the sizes are interleaved
/// round by round like the targets of the main run.
/// </summary>
internal static class ScaleRun
{
    public static async Task<ScaleResults> RunAsync(BenchEnvironment env, BenchPlan plan, PointRunner runner, FakeKieServer kie,
        GatewaySettings settings, string? postgres, TextWriter progress, CancellationToken ct)
    {
        long statusReads = 0;
        var points = new List<ScaleResult>();
        var starts = new List<StartFigure>();
        var notes = new List<string>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            if (provider == "Postgres" && postgres is null)
            {
                notes.Add("PostgreSQL not run: no --postgres connection string (bench/run.sh starts a throwaway PostgreSQL when its binaries are installed)");
                continue;
            }

            var gateways = new List<(int Videos, GatewayServer Gateway)>();
            try
            {
                var template = provider == "Sqlite"
                    ? (IBenchStore)new SqliteStore(Path.Combine(env.Scratch("stores"), "scale_template.db"))
                    : await PostgresStore.CreateAsync(postgres!, "bench_scale_template", ct);
                notes.Add(provider == "Sqlite"
                    ? $"{await template.VersionAsync(ct)}, files in the scratch folder (also the main run's store)"
                    : $"{await template.VersionAsync(ct)}, a throwaway server on loopback (deploy/throwaway-postgres.sh: fsync off)");
                var video = await MakeTemplateAsync(env, settings, template, ct);
                progress.WriteLine($"{StoreNames.Display(provider)} store: the gateway made its schema and video {video}");
                foreach (var videos in plan.ScaleSizes)
                {
                    var store = await template.CloneAsync($"scale_{videos}", ct);
                    var watch = Stopwatch.StartNew();
                    await store.SeedCopiesAsync(video, videos - 1, ct);
                    var seeded = watch.Elapsed;
                    var gateway = await GatewayServer.StartAsync(env, $"gateway-{provider.ToLowerInvariant()}-{videos}", settings, store, ct);
                    gateways.Add((videos, gateway));
                    starts.Add(new StartFigure($"restart, {StoreNames.Display(provider)} store with {videos:N0} videos", gateway.ReadyAfter));
                    progress.WriteLine($"{StoreNames.Display(provider)} store: {videos:N0} videos (seeded in {seeded.TotalSeconds:0.0} s), gateway ready after {gateway.ReadyAfter.TotalMilliseconds:0} ms");
                }

                var key = BenchRequests.Bearer(settings.ClientKey);
                // The copy in the middle of the table; GET /videos is the client's newest page (20 videos).
                var reads = gateways.Select(g => new Target(Label(g.Videos), new WrkRequest(new Uri(g.Gateway.BaseUrl, $"videos/{VideoCopies.Id(g.Videos / 2)}")) { Headers = [key] })).ToList();
                var lists = gateways.Select(g => new Target(Label(g.Videos), new WrkRequest(new Uri(g.Gateway.BaseUrl, "videos")) { Headers = [key] })).ToList();
                await TargetCheck.EnsureAnswersAsync(reads.Concat(lists), ct);
                var before = await kie.StatsAsync(ct);
                await runner.WarmUpAsync(reads.Concat(lists), ct);
                foreach (var (endpoint, targets) in new[] { ("GET /videos/{id}", reads), ("GET /videos", lists) })
                {
                    foreach (var point in await runner.RunAsync($"{provider} {endpoint}", targets, plan.ScaleConnections, ct))
                    {
                        points.Add(new ScaleResult(provider, gateways.First(g => Label(g.Videos) == point.Target).Videos, endpoint, point));
                    }
                }

                statusReads += (await kie.StatsAsync(ct)).StatusReads - before.StatusReads;
            }
            finally
            {
                foreach (var (_, gateway) in gateways)
                {
                    await gateway.DisposeAsync();
                }
            }
        }

        return new ScaleResults(points, starts, notes, statusReads);
    }

    private static string Label(int videos) => string.Create(CultureInfo.InvariantCulture, $"{videos:N0} videos");

    /// <summary>
    /// A first start makes the schema (the gateway's own migrations) and one completed video through the API; once
    /// the gateway has stopped, the store is copied for each size and that row copied to the size wanted.
    /// </summary>
    private static async Task<string> MakeTemplateAsync(BenchEnvironment env, GatewaySettings settings, IBenchStore store, CancellationToken ct)
    {
        await using var first = await GatewayServer.StartAsync(env, $"gateway-{store.Provider.ToLowerInvariant()}-template", settings, store, ct);
        using var calls = new GatewayCalls(first.BaseUrl, settings.ClientKey);
        var video = await calls.CreateCompletedVideoAsync(ct);
        await first.StopAsync();
        return video;
    }
}
