namespace KieGateway.Storage;

/// <summary>
/// One permit of a Kie account limit, shared by every replica on the store: a limit of N per window is N
/// rows, each holding when it was last used. A permit is free again one window after its last use.
/// </summary>
internal sealed class KiePermitRecord
{
    public required string Bucket { get; init; }

    public int Slot { get; init; }

    /// <summary>Unix milliseconds, so that both databases compare it the same way (0 = never used).</summary>
    public long UsedAtMs { get; set; }
}
