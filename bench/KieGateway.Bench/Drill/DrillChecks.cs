namespace KieGateway.Bench.Drill;

internal sealed record DrillCheck(string Name, bool Passed, string Detail);

/// <summary>The drill's verdicts (issue 6 item 4), each with the numbers it rests on.</summary>
internal static class DrillChecks
{
    public static IReadOnlyList<DrillCheck> Evaluate(DrillFindings f) =>
        [Keys(f), Tasks(f), NeverResubmitted(f), ServerErrors(f), NoTimeouts(f), Terminal(f), WebhooksDelivered(f), Duplicates(f), Restart(f), KieKey(f)];

    private static DrillCheck Keys(DrillFindings f)
    {
        var byResult = f.Keys.GroupBy(k => k.Result).ToDictionary(g => g.Key, g => g.Count());
        var split = f.Keys.Where(k => k.DistinctVideoIds > 1).Select(k => k.Key).ToList();
        var videos = f.Keys.Where(k => k.VideoId is not null).Select(k => k.VideoId).Distinct().Count();
        var resolved = byResult.GetValueOrDefault(KeyResult.Accepted) + byResult.GetValueOrDefault(KeyResult.OutcomeUnknown);
        return new("Every Idempotency-Key got a final answer naming one video of its own",
            resolved == f.Keys.Count && split.Count == 0 && videos == f.Keys.Count,
            $"{f.Keys.Count} keys: {byResult.GetValueOrDefault(KeyResult.Accepted)} accepted (202), "
            + $"{byResult.GetValueOrDefault(KeyResult.OutcomeUnknown)} answered 5xx naming an upstream_outcome_unknown video (replayed on retry), "
            + $"{byResult.GetValueOrDefault(KeyResult.Refused)} refused, {byResult.GetValueOrDefault(KeyResult.GaveUp)} given up; "
            + $"{videos} distinct videos; keys whose answers named two videos: {(split.Count == 0 ? "none" : string.Join(", ", split))}");
    }

    private static DrillCheck Tasks(DrillFindings f)
    {
        var lostOtherwise = f.UnreadTasks - f.Kie.Faults.ResetsAfterTask;
        return new("Kie tasks made = accepted keys' completed videos (one task each) + answers lost",
            f.Kie.TasksRead == f.Completed && lostOtherwise >= 0 && lostOtherwise <= f.Kill.PostsInFlight + f.TimedOutKeys,
            $"Kie made {f.Kie.TasksMade} tasks: {f.Kie.TasksRead} read by the gateway for {f.Completed} completed videos, "
            + $"{f.UnreadTasks} never read = {f.Kie.Faults.ResetsAfterTask} answers the fake cut after making the task "
            + $"+ {lostOtherwise} lost to the kill or a timeout (at most the {f.Kill.PostsInFlight} creates in flight at the kill "
            + $"+ {f.TimedOutKeys} keys answered 504)");
    }

    private static DrillCheck NeverResubmitted(DrillFindings f)
    {
        var explained = f.Kie.Faults.Failures + f.Kie.Faults.ResetsBeforeTask + f.Kie.Faults.ResetsAfterTask + f.TimedOutKeys;
        var byKill = f.OutcomeUnknown - explained;
        return new("Every create Kie failed, cut or left unanswered ended upstream_outcome_unknown and was never resubmitted",
            byKill >= 0 && byKill <= f.Kill.PostsInFlight,
            $"{f.OutcomeUnknown} videos upstream_outcome_unknown = {f.Kie.Faults.Failures} Kie 500s + {f.Kie.Faults.ResetsBeforeTask} resets "
            + $"before the task + {f.Kie.Faults.ResetsAfterTask} after it + {f.TimedOutKeys} keys answered 504 upstream_timeout "
            + $"+ {byKill} creates cut by the kill (at most the {f.Kill.PostsInFlight} in flight)");
    }

    private static DrillCheck ServerErrors(DrillFindings f)
    {
        var bad = f.Answers.DishonestServerErrors;
        return new("Every 5xx a client saw is problem+json with API.md's upstream code (never a bare 500)",
            bad.Count == 0,
            $"{f.Answers.ServerErrors} 5xx answers, {bad.Count} not honest{(bad.Count == 0 ? "" : ": " + string.Join(" | ", bad.Take(5)))}");
    }

    /// <summary>The fake answers every create within --latency-max-ms: a 504 means the gateway's own side of the call was slow.</summary>
    private static DrillCheck NoTimeouts(DrillFindings f)
    {
        var timeouts = f.Answers.Labels.Where(l => l.Key.Contains("upstream_timeout", StringComparison.Ordinal)).Sum(l => l.Value);
        return new("No create timed out: the fake answers within its latency, far inside Kie:Timeout",
            timeouts == 0,
            $"{timeouts} answers 504 upstream_timeout ({f.TimedOutKeys} keys) with the fake's creates at most {f.Plan.LatencyMaxMs} ms "
            + $"and Kie:Timeout {DrillPlan.KieTimeout.TotalSeconds:0} s; the fake received {f.Kie.CreatesReceived} creates");
    }

    private static DrillCheck Terminal(DrillFindings f)
    {
        var open = f.Videos.Where(v => !v.IsTerminal).Select(v => $"{v.Id} ({v.Status ?? "never read"})").ToList();
        var otherFailures = f.Videos.Where(v => v.Status == "failed" && v.ErrorCode != "upstream_outcome_unknown")
            .Select(v => $"{v.Id} ({v.ErrorCode})").ToList();
        return new("Every video reached a terminal state: completed, or failed upstream_outcome_unknown",
            open.Count == 0 && otherFailures.Count == 0,
            $"{f.Videos.Count} videos: {f.Completed} completed, {f.OutcomeUnknown} failed upstream_outcome_unknown, "
            + $"{otherFailures.Count} failed otherwise{List(otherFailures)}, {open.Count} not terminal{List(open)}");
    }

    private static DrillCheck WebhooksDelivered(DrillFindings f)
    {
        var wrong = f.Videos.Where(v => v.Events.Count != 1 || v.Events.Any(e => e.Status != "delivered" || e.Type != "video." + v.Status
            || !f.Webhooks.HasReceived(e.Id))).Select(v => v.Id).ToList();
        return new("Every video's one webhook event was delivered and received, signature verified",
            wrong.Count == 0 && f.Webhooks.RefusedReasons.Count == 0,
            $"{f.Videos.Sum(v => v.Events.Count)} events for {f.Videos.Count} videos; not delivered, not received or not one per video: "
            + $"{wrong.Count}{List(wrong)}; deliveries refused by the verifier: {f.Webhooks.RefusedReasons.Count}{List(f.Webhooks.RefusedReasons)}");
    }

    private static DrillCheck Duplicates(DrillFindings f)
    {
        var deliveries = f.Webhooks.Deliveries;
        var deduplicated = f.Webhooks.Deduplicated();
        var inconsistent = deliveries.GroupBy(d => d.WebhookId).Count(g => g.Select(d => (d.VideoId, d.Type, d.ErrorCode)).Distinct().Count() > 1);
        var ours = f.Videos.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var oneEach = deduplicated.Count == ours.Count && deduplicated.Select(d => d.VideoId).ToHashSet(StringComparer.Ordinal).SetEquals(ours);
        return new("Deduplicated on webhook-id, the receiver acts exactly once per event",
            inconsistent == 0 && oneEach,
            $"{deliveries.Count} deliveries of {deduplicated.Count} events: {deliveries.Count - deduplicated.Count} duplicates "
            + $"(at-least-once delivery repeats what a killed gateway sent but had not recorded); ids carrying two different events: {inconsistent}; "
            + $"after deduplication one per video: {(oneEach ? "yes" : "no")}");
    }

    private static DrillCheck Restart(DrillFindings f) => new(
        "The gateway was killed with SIGKILL mid-run, restarted on the same store and port, and served again",
        f.Kill.Happened && f.Answers.AcceptedByRestarted > 0,
        f.Kill.Happened
            ? $"killed after {f.Kill.AcceptedBefore} keys were accepted and {f.Kill.WebhooksBefore} webhooks received, "
              + $"with {f.Kill.PostsInFlight} creates in flight; "
              + $"ready again {f.Kill.Downtime.TotalSeconds:0.0} s after the kill (start to ready {f.Kill.RestartReady.TotalSeconds:0.0} s); "
              + $"{f.Answers.AcceptedByRestarted} keys first accepted by the restarted gateway"
            : "the clients finished before the kill point; nothing was killed");

    private static DrillCheck KieKey(DrillFindings f) => new(
        "The Kie key is in no answer and no gateway log line",
        f.Answers.KeyLeaks == 0 && f.KieKeyInLogLines == 0,
        $"answers carrying it: {f.Answers.KeyLeaks}; log lines carrying it: {f.KieKeyInLogLines}");

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 0 ? "" : $" ({string.Join(", ", items.Take(5))}{(items.Count > 5 ? ", …" : "")})";
}
