using KieGateway.Kie;
using KieGateway.Storage;

namespace KieGateway.Jobs;

/// <summary>When a job counts as lost upstream rather than not yet stored or answered by something else.</summary>
internal static class LostTasks
{
    /// <summary>How long "Kie does not know it" must last before a job counts as lost (Kie may not have stored it yet).</summary>
    public static readonly TimeSpan After = TimeSpan.FromMinutes(2);

    /// <summary>Kie's own "task not found" / "record is null", from its envelope, for a job old enough to be stored.</summary>
    public static bool KieForgot(KieException ex, VideoRecord record, DateTimeOffset now) =>
        ex.FromEnvelope
        && (ex.KieCode == 404 || (ex.KieCode == 422 && ex.UpstreamMessage is { } text
            && (text.Contains("null", StringComparison.OrdinalIgnoreCase) || text.Contains("not found", StringComparison.OrdinalIgnoreCase))))
        && now - record.CreatedAt > After;
}
