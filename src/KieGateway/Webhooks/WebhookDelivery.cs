using KieGateway.Models;
using KieGateway.Storage;
using KieGateway.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Webhooks;

/// <summary>Delivers one due event: claim it, sign it, send it, record the attempt and schedule the next.</summary>
internal sealed class WebhookDelivery(
    GatewayDbContext db,
    WebhookSender sender,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    IOptionsMonitor<GatewayOptions> gateway,
    GatewayMetrics metrics,
    ILogger<WebhookDelivery> logger)
{
    public async Task<IReadOnlyList<long>> FindDueAsync(int max, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.WebhookEvents.AsNoTracking()
            .Where(e => e.Status == WebhookEventStatus.Pending && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Seq)
            .Select(e => e.Seq).Take(max).ToListAsync(ct);
    }

    public async Task DeliverAsync(long seq, CancellationToken ct)
    {
        var evt = await db.WebhookEvents.SingleOrDefaultAsync(e => e.Seq == seq, ct);
        if (evt is not { Status: WebhookEventStatus.Pending, NextAttemptAt: { } due } || due > time.GetUtcNow())
        {
            return;
        }

        if (!TryGetKey(evt.ClientId, out var key))
        {
            // Never unsigned: a receiver could not tell a forged webhook from ours.
            Fail(evt, $"The client '{evt.ClientId}' has no webhook secret (Gateway:Clients:<n>:WebhookSecret); the event cannot be signed.");
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Webhook {WebhookId} for {VideoId} not sent: client {ClientId} has no webhook secret",
                evt.Id, evt.VideoId, evt.ClientId);
            return;
        }

        if (!await ClaimAsync(evt, due, ct))
        {
            return; // another dispatcher has it
        }

        using var span = GatewayTracing.StartWebhookDelivery(evt);
        var attemptedAt = time.GetUtcNow();
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        AttemptResult result;
        try
        {
            result = await sender.PostAsync(evt.Url, evt.Id, timestamp, WebhookSigner.Sign(key, evt.Id, timestamp, evt.Payload), evt.Payload, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping mid-attempt: hand the claim back so that the next start sends the event at once.
            await db.WebhookEvents.Where(e => e.Seq == seq && e.Status == WebhookEventStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.NextAttemptAt, due), CancellationToken.None);
            throw;
        }

        var number = await db.WebhookAttempts.CountAsync(a => a.EventSeq == seq, CancellationToken.None) + 1;
        db.WebhookAttempts.Add(new WebhookAttemptRecord
        {
            EventSeq = seq,
            Number = number,
            AttemptedAt = attemptedAt,
            StatusCode = result.StatusCode,
            Error = result.Error,
            DurationMs = (long)result.Duration.TotalMilliseconds,
        });
        Schedule(evt, number, result);
        await db.SaveChangesAsync(CancellationToken.None);
        metrics.WebhookAttempted(evt.ClientId, result.Outcome);
        GatewayTracing.TagAttempt(number, result.StatusCode, result.Outcome);
    }

    /// <summary>Moves the due time past the attempt's end, so that no other dispatcher sends the event meanwhile.</summary>
    private async Task<bool> ClaimAsync(WebhookEventRecord evt, DateTimeOffset due, CancellationToken ct)
    {
        var lease = time.GetUtcNow() + options.Value.Timeout + TimeSpan.FromMinutes(1);
        var claimed = await db.WebhookEvents
            .Where(e => e.Seq == evt.Seq && e.Status == WebhookEventStatus.Pending && e.NextAttemptAt == due)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.NextAttemptAt, lease), ct);
        return claimed == 1;
    }

    private void Schedule(WebhookEventRecord evt, int number, AttemptResult result)
    {
        var now = time.GetUtcNow();
        if (result.Delivered)
        {
            evt.Status = WebhookEventStatus.Delivered;
            evt.DeliveredAt = now;
            evt.NextAttemptAt = null;
            logger.LogInformation("Webhook {WebhookId} ({WebhookType}) for {VideoId} delivered on attempt {Attempt}",
                evt.Id, evt.Type, evt.VideoId, number);
            return;
        }

        var delays = options.Value.RetryDelays;
        var outcome = result.Error ?? $"HTTP {result.StatusCode}.";
        if (number > delays.Count)
        {
            Fail(evt, $"Not delivered after {number} attempts; the last: {outcome}");
            logger.LogWarning("Webhook {WebhookId} for {VideoId} failed for good after {Attempts} attempts: {Outcome}",
                evt.Id, evt.VideoId, number, outcome);
            return;
        }

        evt.NextAttemptAt = now + delays[number - 1];
        logger.LogWarning("Webhook {WebhookId} for {VideoId}: attempt {Attempt} failed ({Outcome}); next at {NextAttemptAt}",
            evt.Id, evt.VideoId, number, outcome, evt.NextAttemptAt);
    }

    private static void Fail(WebhookEventRecord evt, string reason)
    {
        evt.Status = WebhookEventStatus.Failed;
        evt.FailureReason = reason.Length > 500 ? reason[..500] : reason;
        evt.NextAttemptAt = null;
    }

    private bool TryGetKey(string clientId, out byte[] key)
    {
        key = [];
        var client = gateway.CurrentValue.Clients.FirstOrDefault(c => string.Equals(c.Id, clientId, StringComparison.Ordinal));
        return client?.WebhookSecret is { Length: > 0 } secret && WebhookSigner.TryDecodeSecret(secret, out key);
    }
}
