using KieGateway.Bench.Processes;

namespace KieGateway.Bench.Drill;

/// <summary>Where things are: the Release binaries bench/drill.sh built, and this run's scratch folder.</summary>
internal sealed record DrillEnvironment(string Repo, string Work)
{
    public string Dotnet { get; } = Environment.ProcessPath ?? "dotnet";

    /// <summary>This very assembly: the fake Kie is its <c>kie</c> role.</summary>
    public string BenchDll { get; } = typeof(DrillEnvironment).Assembly.Location;

    public string GatewayDll => Path.Combine(Repo, "src", "KieGateway", "bin", "Release", "net10.0", "KieGateway.dll");

    public string Log(string name) => Path.Combine(Work, "logs", name + ".log");

    public string Scratch(string name)
    {
        var path = Path.Combine(Work, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Check()
    {
        foreach (var file in new[] { GatewayDll, BenchDll })
        {
            if (!File.Exists(file))
            {
                throw new BenchFailure($"drill: {file} is missing (bench/run.sh drill builds Release first).");
            }
        }
    }

    public ChildProcessSpec FakeKie(int port, string kieKey, IEnumerable<string> faults) =>
        new("kie", Dotnet, [BenchDll, "kie", "--urls", $"http://127.0.0.1:{port}", "--api-key", kieKey, .. faults], Log("kie"))
        {
            Environment = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ASPNETCORE_URLS"] = null },
        };
}
