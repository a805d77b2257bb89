using System.Runtime.CompilerServices;
using KieGateway.Storage;
using KieGateway.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KieGateway.Telemetry;

/// <summary>
/// Counts videos as they end, and how long they took, once the SaveChanges that ends them commits. Every path
/// that ends a video (a refresh, a callback's re-read, the deadline, a lost task, an unknown create) saves through
/// here; a save that fails (another replica ended the video first) counts nothing.
/// </summary>
internal sealed class VideoOutcomeMetrics(GatewayMetrics metrics) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Ended>> _saving = [];

    private sealed record Ended(string ClientId, string Model, string? ErrorCode, TimeSpan Took);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var ended = context.ChangeTracker.EndingVideos()
            .Select(v => new Ended(v.ClientId, v.Model, v.Status == VideoStatus.Failed ? v.ErrorCode ?? "unknown" : null,
                (v.CompletedAt ?? v.UpdatedAt) - v.CreatedAt))
            .ToList();
        _saving.AddOrUpdate(context, ended);
    }

    private void Record(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var ended))
        {
            _saving.Remove(context);
            foreach (var video in ended)
            {
                metrics.VideoEnded(video.ClientId, video.Model, video.ErrorCode, video.Took);
            }
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _saving.Remove(context);
        }
    }
}
