using KieGateway.Bench.FakeKie;
using KieGateway.Bench.Webhooks;

namespace KieGateway.Bench.Drill;

/// <summary>
/// The kill: when it came (keys accepted, webhooks received by then), the creates it may have cut, and how long the
/// gateway was gone.
/// </summary>
internal sealed record KillMoment(bool Happened, int AcceptedBefore, int PostsInFlight, int WebhooksBefore, TimeSpan Downtime, TimeSpan RestartReady);

/// <summary>How long each phase took.</summary>
internal sealed record DrillTimings(TimeSpan FirstReady, TimeSpan Creates, TimeSpan Wait, TimeSpan Total);

/// <summary>Everything the drill observed, from the clients, the fake Kie, the receiver and the gateway's logs.</summary>
internal sealed record DrillFindings(
    DrillPlan Plan,
    IReadOnlyList<KeyOutcome> Keys,
    ClientTally Answers,
    FakeKieSnapshot Kie,
    IReadOnlyList<VideoFinal> Videos,
    ReceivedWebhooks Webhooks,
    KillMoment Kill,
    DrillTimings Timings,
    int KieKeyInLogLines)
{
    public int Completed => Videos.Count(v => v.Status == "completed");

    /// <summary>Videos the gateway failed because Kie's answer to the create never came (or was a server error).</summary>
    public int OutcomeUnknown => Videos.Count(v => v.Status == "failed" && v.ErrorCode == "upstream_outcome_unknown");

    /// <summary>Keys whose create the gateway gave up waiting for (504 upstream_timeout): Kie's answer never came in Kie:Timeout.</summary>
    public int TimedOutKeys => Keys.Count(k => k.Result == KeyResult.OutcomeUnknown && k.LastAnswer.Contains("upstream_timeout", StringComparison.Ordinal));

    /// <summary>Tasks Kie made that the gateway never read: their create's answer was lost on the way back.</summary>
    public long UnreadTasks => Kie.TasksMade - Kie.TasksRead;
}
