using KieGateway.Bench.Processes;
using KieGateway.Bench.Runs;
using KieGateway.Bench.Seeding;

namespace KieGateway.Bench.Servers;

/// <summary>
/// The gateway as its image ships it (Release, ReadyToRun; <c>dotnet KieGateway.dll</c>), configured by environment, with the time
/// from <see cref="System.Diagnostics.Process.Start()"/> to its first <c>200</c> from <c>/health/ready</c>.
/// </summary>
internal sealed class GatewayServer(ChildProcess process, Uri baseUrl, TimeSpan readyAfter) : IServerProcess, IAsyncDisposable
{
    public ChildProcess Process { get; } = process;

    public Uri BaseUrl { get; } = baseUrl;

    public TimeSpan ReadyAfter { get; } = readyAfter;

    public static async Task<GatewayServer> StartAsync(BenchEnvironment env, string name, GatewaySettings settings, IBenchStore store, CancellationToken ct)
    {
        var port = FreePorts.Next();
        var spec = new ChildProcessSpec(name, env.Dotnet, [env.GatewayDll], env.Log(name))
        {
            WorkingDirectory = Path.GetDirectoryName(env.GatewayDll),
            Environment = settings.Environment(port, store),
        };
        var process = ChildProcess.Start(spec);
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        try
        {
            var ready = await process.WaitForHttpAsync(new Uri(baseUrl, "health/ready"), TimeSpan.FromSeconds(60), ct);
            return new GatewayServer(process, baseUrl, ready);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops it as an orchestrator would (SIGTERM); the gateway's own shutdown waits for requests under way.</summary>
    public Task StopAsync() => Process.StopAsync(TimeSpan.FromSeconds(60));

    public ProcessMemory Memory() => Process.Memory();

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
