using System.Text.Json;
using KieGateway.Storage;
using KieGateway.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace KieGateway.Webhooks;

/// <summary>The body clients receive: the event type, when it happened, and the video resource.</summary>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, Video Data);

/// <summary>
/// The outbox: whenever a SaveChanges moves a video with a callbackUrl to completed or failed, the
/// webhook event is added to that same SaveChanges, so the status and its webhook commit together.
/// </summary>
internal sealed class WebhookOutboxInterceptor(TimeProvider time, IOptions<JsonOptions> json) : SaveChangesInterceptor
{
    public const string Completed = "video.completed";
    public const string Failed = "video.failed";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEvents(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEvents(DbContext? context)
    {
        if (context is not GatewayDbContext db)
        {
            return;
        }

        // SaveChanges detects changes only after this point; the status change must be visible now.
        db.ChangeTracker.DetectChanges();
        var pending = db.ChangeTracker.Entries<WebhookEventRecord>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity.VideoId).ToHashSet(StringComparer.Ordinal);
        var reached = db.ChangeTracker.EndingVideos().Where(v => v.CallbackUrl is not null && !pending.Contains(v.Id)).ToList();
        foreach (var video in reached)
        {
            db.WebhookEvents.Add(NewEvent(video));
        }
    }

    private WebhookEventRecord NewEvent(VideoRecord video)
    {
        var now = time.GetUtcNow();
        var type = video.Status == VideoStatus.Completed ? Completed : Failed;
        var payload = new WebhookPayload(type, now, video.ToResource());
        return new WebhookEventRecord
        {
            Id = "msg_" + Guid.CreateVersion7(now).ToString("N"),
            VideoId = video.Id,
            ClientId = video.ClientId,
            Type = type,
            Url = video.CallbackUrl!,
            Payload = JsonSerializer.Serialize(payload, json.Value.SerializerOptions),
            Status = WebhookEventStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = video.TraceParent,
        };
    }
}
