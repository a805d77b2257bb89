namespace KieGateway.Idempotency;

/// <summary>What a key says about a create before it runs.</summary>
internal abstract record IdempotencyOutcome
{
    /// <summary>First use: go ahead, and complete or release the key afterwards.</summary>
    public sealed record Started(IdempotencyRecord Record) : IdempotencyOutcome;

    /// <summary>Seen before with the same body: answer what was answered then.</summary>
    public sealed record Replay(int Status, string Json, string VideoId) : IdempotencyOutcome;

    /// <summary>Seen before with another body.</summary>
    public sealed record Reused : IdempotencyOutcome;

    /// <summary>The first request with this key has not finished yet.</summary>
    public sealed record InFlight : IdempotencyOutcome;

    /// <summary>The first request stopped mid-way long ago (a crash): its video, if any, tells what happened.</summary>
    public sealed record Abandoned(IdempotencyRecord Record) : IdempotencyOutcome;
}
