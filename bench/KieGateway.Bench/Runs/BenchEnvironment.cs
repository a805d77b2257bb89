using KieGateway.Bench.Processes;

namespace KieGateway.Bench.Runs;

/// <summary>Where things are: the built binaries, wrk's script, and this run's scratch folder.</summary>
internal sealed record BenchEnvironment(string Repo, string Work)
{
    public string Dotnet { get; } = Environment.ProcessPath ?? "dotnet";

    /// <summary>This very assembly: the fake and the bare endpoint are its other roles.</summary>
    public string BenchDll { get; } = typeof(BenchEnvironment).Assembly.Location;

    /// <summary>The gateway as the image ships it: published for this platform, ReadyToRun (bench/publish-gateway.sh).</summary>
    public string GatewayDll => Path.Combine(Repo, "src", "KieGateway", "bin", "Release", "publish", "KieGateway.dll");

    public string WrkScript => Path.Combine(Repo, "bench", "wrk", "report.lua");

    public string Log(string name) => Path.Combine(Work, "logs", name + ".log");

    public string Scratch(string name)
    {
        var path = Path.Combine(Work, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Check()
    {
        foreach (var file in new[] { GatewayDll, BenchDll, WrkScript })
        {
            if (!File.Exists(file))
            {
                throw new BenchFailure($"bench: {file} is missing (bench/run.sh builds and publishes it first).");
            }
        }
    }

    /// <summary>A process of this bench on the given loopback port, logging to the scratch folder.</summary>
    public ChildProcessSpec DotnetRole(string name, string role, int port, params string[] arguments) =>
        new(name, Dotnet, [BenchDll, role, "--urls", $"http://127.0.0.1:{port}", .. arguments], Log(name))
        {
            Environment = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ASPNETCORE_URLS"] = null },
        };
}
