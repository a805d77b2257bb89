using System.Net.Http.Json;
using System.Text.Json;
using KieGateway.Bench.FakeKie;
using KieGateway.Bench.Processes;
using KieGateway.Bench.Runs;

namespace KieGateway.Bench.Servers;

/// <summary>The fast fake of Kie (this binary's <c>kie</c> role) as a process of its own.</summary>
internal sealed class FakeKieServer(ChildProcess process, Uri baseUrl) : IServerProcess, IAsyncDisposable
{
    public ChildProcess Process { get; } = process;

    public Uri BaseUrl { get; } = baseUrl;

    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>Starts the fake with no faults and waits for it to answer.</summary>
    public static async Task<FakeKieServer> StartAsync(BenchEnvironment env, string apiKey, CancellationToken ct, params string[] faults)
    {
        var port = FreePorts.Next();
        var process = ChildProcess.Start(env.DotnetRole("fake-kie", "kie", port, ["--api-key", apiKey, .. faults]));
        var server = new FakeKieServer(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            server.ReadyAfter = await process.WaitForHttpAsync(new Uri(server.BaseUrl, "_fake/stats"), TimeSpan.FromSeconds(30), ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ProcessMemory Memory() => Process.Memory();

    /// <summary>What the fake has received and made so far (<c>GET /_fake/stats</c>).</summary>
    public async Task<FakeKieSnapshot> StatsAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetFromJsonAsync<FakeKieSnapshot>("_fake/stats", JsonSerializerOptions.Web, ct)
               ?? throw new BenchFailure("bench: the fake Kie's stats were empty.");
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
