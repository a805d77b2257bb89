using System.Diagnostics.Metrics;
using KieGateway.Jobs;
using KieGateway.Storage;
using KieGateway.Webhooks;
using Microsoft.Extensions.Options;

namespace KieGateway.Telemetry;

/// <summary>
/// Gauges read from the store: the refresh backlog and the webhook outbox's depth. One count serves every
/// scrape and export within <see cref="TelemetryOptions.StoreGaugesMaxAge"/>, so metrics cost the store little.
/// </summary>
internal sealed class StoreGauges(IServiceScopeFactory scopes, TimeProvider time, IOptions<TelemetryOptions> options, ILogger<StoreGauges> logger)
{
    private readonly Lock _gate = new();
    private Counts? _counts;

    private sealed record Counts(long Backlog, long PendingWebhooks, DateTimeOffset ReadAt);

    public IEnumerable<Measurement<long>> Backlog() => Read() is { } counts ? [new(counts.Backlog)] : [];

    public IEnumerable<Measurement<long>> PendingWebhooks() => Read() is { } counts ? [new(counts.PendingWebhooks)] : [];

    // Instrument callbacks are synchronous: the store is read synchronously, at most once per max age.
    private Counts? Read()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_counts is null || now - _counts.ReadAt >= options.Value.StoreGaugesMaxAge)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
                    _counts = new Counts(db.Videos.DueAt(now).LongCount(),
                        db.WebhookEvents.LongCount(e => e.Status == WebhookEventStatus.Pending), now);
                }
                catch (ObjectDisposedException)
                {
                    // The host is stopping: its last counts stand.
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A store hiccup leaves the last counts (or none) in the export; the metrics endpoint still answers.
                    logger.LogWarning(ex, "Store gauges could not be read");
                }
            }

            return _counts;
        }
    }
}
