namespace KieGateway.Bench.Runs;

/// <summary>The orchestrator's command line, as bench/run.sh passes it.</summary>
internal sealed record BenchArgs(string Repo, string Work, string Out, bool Quick, string? Postgres, string Command)
{
    public static BenchArgs Parse(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
        var repo = configuration["repo"] ?? throw new BenchFailure("bench: --repo (the repository's root) is required.");
        var work = configuration["work"] ?? throw new BenchFailure("bench: --work (a scratch folder for logs and stores) is required.");
        return new BenchArgs(
            Path.GetFullPath(repo),
            Path.GetFullPath(work),
            Path.GetFullPath(configuration["out"] ?? Path.Combine(repo, "bench", "RESULTS.md")),
            bool.TryParse(configuration["quick"], out var quick) && quick,
            configuration["postgres"] is { Length: > 0 } postgres ? postgres : null,
            configuration["command"] ?? "bash bench/run.sh");
    }
}
