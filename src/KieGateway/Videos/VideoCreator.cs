using KieGateway.Kie;
using KieGateway.Models;
using KieGateway.Providers;
using KieGateway.Storage;

namespace KieGateway.Videos;

/// <summary>
/// Creates a video: the row is written first, then the one paid Kie call, then the task id.
/// A definite Kie refusal removes the row; an unknown outcome keeps it, marked, and is never resubmitted.
/// </summary>
internal sealed class VideoCreator(
    GatewayDbContext db,
    ProviderRouter router,
    TimeProvider time,
    Usage.CreditEstimates estimates,
    Usage.BudgetGuard budgets,
    Microsoft.Extensions.Options.IOptions<Jobs.JobsOptions> jobs,
    Microsoft.Extensions.Options.IOptions<KieOptions> kie,
    Microsoft.Extensions.Options.IOptions<GatewayOptions> gateway,
    Telemetry.GatewayMetrics metrics,
    ILogger<VideoCreator> logger)
{
    public async Task<Video> CreateAsync(string clientId, string videoId, CreateVideoRequest request, GatewayModel model, CancellationToken ct)
    {
        Telemetry.GatewayTracing.TagVideo(videoId, clientId, model.Id);
        var now = time.GetUtcNow();
        var record = new VideoRecord
        {
            Id = videoId,
            ClientId = clientId,
            Model = model.Id,
            Provider = model.Provider,
            Prompt = request.Prompt!,
            AspectRatio = request.AspectRatio ?? "16:9",
            DurationSeconds = request.DurationSeconds ?? model.DefaultDurationSeconds,
            ImageUrls = request.ImageUrls ?? [],
            CallbackUrl = request.CallbackUrl,
            Metadata = request.Metadata ?? [],
            Status = VideoStatus.Queued,
            EstimatedCredits = estimates.For(model, request.DurationSeconds ?? model.DefaultDurationSeconds),
            CallbackToken = Callbacks.CallbackTokens.New(),
            TraceParent = Telemetry.GatewayTracing.CurrentTraceParent(),
            CreatedAt = now,
            UpdatedAt = now,
            // Not due while the create is under way: no refresh (and no status-read permit) for a task not made yet.
            NextPollAt = now + kie.Value.CreateInFlightWindow,
        };
        await budgets.ReserveAsync(record, ct); // the row, written only within the client's budgets

        // With a public URL, Kie tells us when the job changes; without one, polling alone follows it.
        var callback = gateway.Value.PublicBaseUrl is { Length: > 0 } publicUrl
            ? Callbacks.CallbackTokens.UrlFor(publicUrl, record.CallbackToken)
            : null;
        var job = new ProviderJob(model, record.Prompt, record.ImageUrls, record.AspectRatio, record.DurationSeconds, callback);
        try
        {
            // Not the request's token: once sent, a paid call is seen through even if the client leaves.
            record.KieTaskId = await router.For(model).CreateTaskAsync(job, CancellationToken.None);
        }
        catch (KieException ex) when (ex.OutcomeUnknown)
        {
            await MarkOutcomeUnknownAsync(record, ex);
            throw;
        }
        catch (KieException)
        {
            await RemoveAsync(record);
            throw;
        }

        record.NextPollAt = Jobs.PollSchedule.Next(record.CreatedAt, time.GetUtcNow(), jobs.Value.PollInterval);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The task exists and is paid for: say which one, so that an operator can reconcile it.
            logger.LogError(ex, "Video {VideoId}: Kie task {KieTaskId} was created but could not be stored", record.Id, record.KieTaskId);
            throw;
        }
        metrics.VideoCreated(clientId, model.Id);
        logger.LogInformation("Video {VideoId} created for {ClientId} on {Model} as Kie task {KieTaskId}",
            record.Id, clientId, model.Id, record.KieTaskId);
        return record.ToResource();
    }

    /// <summary>A create refused before anything was made upstream leaves nothing behind.</summary>
    private async Task RemoveAsync(VideoRecord record)
    {
        db.Videos.Remove(record);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task MarkOutcomeUnknownAsync(VideoRecord record, KieException ex)
    {
        record.MarkOutcomeUnknown($"Kie did not confirm the task ({ex.UpstreamMessage})", time.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogWarning("Video {VideoId}: Kie create outcome unknown ({Failure})", record.Id, ex.Failure);
    }
}
