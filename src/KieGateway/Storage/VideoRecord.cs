using KieGateway.Videos;

namespace KieGateway.Storage;

/// <summary>A video as stored: the client's request, the Kie task behind it, and its latest state.</summary>
internal sealed class VideoRecord
{
    /// <summary>Insertion order; the list's newest-first order and its cursor.</summary>
    public long Seq { get; set; }

    public required string Id { get; set; }

    public required string ClientId { get; set; }

    public required string Model { get; set; }

    public required string Provider { get; set; }

    public string? KieTaskId { get; set; }

    /// <summary>The secret in this job's Kie callback URL.</summary>
    public string? CallbackToken { get; set; }

    public required string Prompt { get; set; }

    public required string AspectRatio { get; set; }

    public int DurationSeconds { get; set; }

    public List<string> ImageUrls { get; set; } = [];

    public string? CallbackUrl { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = [];

    public VideoStatus Status { get; set; }

    public int Progress { get; set; }

    public List<string> VideoUrls { get; set; } = [];

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The price table's estimate when the video was created, in Kie credits.</summary>
    public decimal EstimatedCredits { get; set; }

    /// <summary>What Kie reported it charged (<c>consumeCredits</c>), once it has.</summary>
    public decimal? ChargedCredits { get; set; }

    /// <summary>When the gateway last asked Kie about the task.</summary>
    public DateTimeOffset? LastPolledAt { get; set; }

    /// <summary>When Kie is next asked; a Kie callback brings it forward. Null only in rows of older builds.</summary>
    public DateTimeOffset? NextPollAt { get; set; }

    /// <summary>
    /// Until when one replica owns the job's refresh (<see cref="Jobs.RefreshLease"/>); kept apart from
    /// <see cref="NextPollAt"/> so that making a job due never hands it to a second reader.
    /// </summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    /// <summary>
    /// The create request's W3C <c>traceparent</c>: refreshes and webhook deliveries run in traces of their own and
    /// link back to it. Null when the create was not traced (or the row predates it).
    /// </summary>
    public string? TraceParent { get; set; }
}
