using System.Text;

namespace KieGateway.Bench.Drill;

/// <summary>The drill's Markdown report: what ran where, the faults, what happened, and the checks.</summary>
internal static class DrillReport
{
    public static string Write(DrillFindings f, IReadOnlyList<DrillCheck> checks, string command, DateTimeOffset started)
    {
        var p = f.Plan;
        var md = new StringBuilder();
        Line(md, "# Fault drill");
        Line(md);
        Line(md, $"- **Date**: {started:yyyy-MM-dd HH:mm} UTC, {f.Timings.Total.TotalSeconds:0} s in all");
        Line(md, $"- **Machine**: {MachineDescription.Read()}");
        Line(md, $"- **Command**: `{command}` (seed {p.Seed}: `--seed {p.Seed}` repeats the fake's sequence of draws; which create gets which depends on timing)");
        Line(md, "- **Store**: a throwaway PostgreSQL (deploy/throwaway-postgres.sh), kept across the kill");
        Line(md, $"- **Verdict**: {(checks.All(c => c.Passed) ? "PASS" : "FAIL")} ({checks.Count(c => c.Passed)} of {checks.Count} checks passed)");
        Line(md);
        Line(md, "## Settings");
        Line(md);
        Line(md, $"- {p.Creates} creates, each with its own `Idempotency-Key`, from {p.Clients} concurrent clients; every create is sent again "
            + "with the same key on a 5xx, `409 idempotency_key_in_use`, a 429, a timeout or a connection error (backoff 200 ms doubling to 3 s, "
            + $"at most {DrillPlan.MaxAttemptsPerKey} sends or {DrillPlan.KeyDeadline.TotalMinutes:0} min per key), and once more after its 202 to see the replay.");
        Line(md, $"- Fake Kie, on every create: {p.LatencyMinMs}–{p.LatencyMaxMs} ms latency, then {p.FailRate:P0} answered HTTP 500 (body code 500), "
            + $"{p.ResetRate:P0} connections cut (half before the task is made, half after: made and charged, answer lost). "
            + $"Status reads answer `generating` {p.GeneratingReads} time(s), then completed.");
        Line(md, $"- The webhook receiver verifies each delivery's signature, records it, then takes 0–{p.ReceiverMaxMs} ms (its work) before answering 200.");
        Line(md, $"- `kill -9` of the gateway once {p.KillAfterAccepted} keys are accepted; started again at once on the same port and store.");
        Line(md, $"- Then up to {p.WaitSeconds} s for every video to be terminal and its webhook delivered (`GET /videos/{{id}}`, `/events`, the receiver).");
        Line(md, "- Gateway settings changed from the defaults:");
        Line(md);
        Line(md, "| setting | value | why |");
        Line(md, "|---|---|---|");
        foreach (var (key, value, why) in DrillGateway.Overrides(p))
        {
            Line(md, $"| `{key}` | `{value}` | {why} |");
        }

        Line(md);
        Line(md, "## What happened");
        Line(md);
        Line(md, $"- Gateway ready in {f.Timings.FirstReady.TotalSeconds:0.0} s; creates took {f.Timings.Creates.TotalSeconds:0} s "
            + $"({f.Keys.Sum(k => k.Attempts)} sends for {f.Keys.Count} keys); the wait took {f.Timings.Wait.TotalSeconds:0} s.");
        Line(md, $"- Fake Kie: {f.Kie.CreatesReceived} creates received, {f.Kie.TasksMade} tasks made, {f.Kie.TasksRead} of them read, "
            + $"{f.Kie.StatusReads} status reads; injected {f.Kie.Faults.Failures} HTTP 500s, {f.Kie.Faults.ResetsBeforeTask} resets before "
            + $"the task, {f.Kie.Faults.ResetsAfterTask} after it.");
        Line(md, $"- Webhooks: {f.Webhooks.Deliveries.Count} deliveries received, {f.Webhooks.Deduplicated().Count} distinct events, "
            + $"{f.Webhooks.RefusedReasons.Count} refused by the verifier.");
        Line(md);
        Line(md, "| answers the clients got | count |");
        Line(md, "|---|---|");
        foreach (var (label, count) in f.Answers.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            Line(md, $"| {label} | {count} |");
        }

        Line(md);
        Line(md, "## Checks");
        Line(md);
        Line(md, "| | check | numbers |");
        Line(md, "|---|---|---|");
        foreach (var check in checks)
        {
            Line(md, $"| {(check.Passed ? "PASS" : "**FAIL**")} | {check.Name} | {check.Detail} |");
        }

        Line(md);
        Line(md, DrillExplanations.HowTasksAddUp);
        return md.ToString();
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
