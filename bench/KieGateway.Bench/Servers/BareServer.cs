using KieGateway.Bench.Processes;
using KieGateway.Bench.Runs;

namespace KieGateway.Bench.Servers;

/// <summary>The bare Kestrel endpoint (this binary's <c>bare</c> role), answering the given JSON from memory.</summary>
internal sealed class BareServer(ChildProcess process, Uri baseUrl) : IServerProcess, IAsyncDisposable
{
    public ChildProcess Process { get; } = process;

    public Uri BaseUrl { get; } = baseUrl;

    public TimeSpan ReadyAfter { get; private set; }

    public static async Task<BareServer> StartAsync(BenchEnvironment env, string bodyFile, CancellationToken ct)
    {
        var port = FreePorts.Next();
        var process = ChildProcess.Start(env.DotnetRole("bare", "bare", port, "--body", bodyFile));
        var server = new BareServer(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            server.ReadyAfter = await process.WaitForHttpAsync(new Uri(server.BaseUrl, "health"), TimeSpan.FromSeconds(30), ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ProcessMemory Memory() => Process.Memory();

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
