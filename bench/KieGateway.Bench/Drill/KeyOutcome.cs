namespace KieGateway.Bench.Drill;

internal enum KeyResult
{
    /// <summary>Answered 202 with a video (which may still end failed, e.g. a create cut by the kill).</summary>
    Accepted,

    /// <summary>A 5xx naming a video the gateway recorded as <c>upstream_outcome_unknown</c>, replayed on retry.</summary>
    OutcomeUnknown,

    /// <summary>A final 4xx the drill never expects (validation, key reused).</summary>
    Refused,

    /// <summary>Out of attempts or time without a final answer.</summary>
    GaveUp,
}

/// <summary>
/// How one <c>Idempotency-Key</c> ended: its video, how many sends it took, and how many distinct video ids its answers
/// named over all of them (more than one would mean the key made two videos).
/// </summary>
internal sealed record KeyOutcome(string Key, KeyResult Result, string? VideoId, int Attempts, string LastAnswer, int DistinctVideoIds);
