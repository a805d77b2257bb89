using System.Globalization;
using KieGateway.Bench.Processes;

namespace KieGateway.Bench.Drill;

/// <summary>The drill's command line, as bench/drill.sh passes it; every size and fault has a default.</summary>
internal sealed record DrillArgs(string Repo, string Work, string Out, string Postgres, string Command, DrillPlan Plan)
{
    public static DrillArgs Parse(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
        string Required(string name, string what) =>
            configuration[name] is { Length: > 0 } value ? value : throw new BenchFailure($"drill: --{name} ({what}) is required.");
        int Int(string name, int fallback) => Parse(configuration[name], fallback, name, int.TryParse);
        double Rate(string name, double fallback) => Parse(configuration[name], fallback, name, double.TryParse);

        var repo = Path.GetFullPath(Required("repo", "the repository's root"));
        var plan = new DrillPlan(
            Creates: Int("creates", 200),
            Clients: Int("clients", 16),
            KillAfterAccepted: Int("kill-after", 100),
            LatencyMinMs: Int("latency-ms", 0),
            LatencyMaxMs: Int("latency-max-ms", 800),
            FailRate: Rate("fail-rate", 0.10),
            ResetRate: Rate("reset-rate", 0.10),
            GeneratingReads: Int("generating-reads", 1),
            Seed: Int("seed", Random.Shared.Next(1, 1_000_000)),
            WaitSeconds: Int("wait-seconds", 180),
            ReceiverMaxMs: Int("receiver-ms", 300),
            KieCreateLimit: Int("kie-create-limit", 20));
        return new DrillArgs(
            repo,
            Path.GetFullPath(Required("work", "a scratch folder for logs")),
            Path.GetFullPath(configuration["out"] ?? Path.Combine(repo, "bench", "DRILL.md")),
            Required("postgres", "the throwaway PostgreSQL's connection string"),
            configuration["command"] ?? "bash bench/run.sh drill",
            plan);
    }

    private delegate bool TryParse<T>(string text, NumberStyles styles, IFormatProvider provider, out T value);

    private static T Parse<T>(string? text, T fallback, string name, TryParse<T> parse) =>
        text is null ? fallback
        : parse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new BenchFailure($"drill: --{name} must be a number (it is '{text}').");
}
