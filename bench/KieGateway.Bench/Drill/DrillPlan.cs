using System.Globalization;

namespace KieGateway.Bench.Drill;

/// <summary>How big the drill is, the faults the fake Kie injects into creates, and when the gateway is killed.</summary>
internal sealed record DrillPlan(
    int Creates,
    int Clients,
    int KillAfterAccepted,
    int LatencyMinMs,
    int LatencyMaxMs,
    double FailRate,
    double ResetRate,
    int GeneratingReads,
    int Seed,
    int WaitSeconds,
    int ReceiverMaxMs,
    int KieCreateLimit)
{
    /// <summary>How often one key's create is sent before the client gives up on it; the kill's in-flight window needs ~25.</summary>
    public const int MaxAttemptsPerKey = 80;

    /// <summary>A key abandoned by the kill answers 409 until the gateway's create window (Kie:Timeout + 1 min) has passed.</summary>
    public static readonly TimeSpan KeyDeadline = TimeSpan.FromMinutes(3);

    /// <summary>The gateway's Kie:Timeout for the drill: short, so that its create window after a kill is 70 s, not 90 s.</summary>
    public static readonly TimeSpan KieTimeout = TimeSpan.FromSeconds(10);

    public IReadOnlyList<string> FakeKieArguments() =>
    [
        "--latency-ms", Text(LatencyMinMs), "--latency-max-ms", Text(LatencyMaxMs),
        "--fail-rate", Text(FailRate), "--reset-rate", Text(ResetRate),
        "--generating-reads", Text(GeneratingReads), "--seed", Text(Seed),
    ];

    public IEnumerable<string> Problems()
    {
        if (Creates < 1 || Clients < 1)
        {
            yield return "--creates and --clients must be at least 1.";
        }

        if (KillAfterAccepted < 1 || KillAfterAccepted >= Creates)
        {
            yield return $"--kill-after must be between 1 and --creates ({Creates}), so that the kill falls in the middle.";
        }

        if (WaitSeconds < 1)
        {
            yield return "--wait-seconds must be at least 1.";
        }
    }

    private static string Text<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
