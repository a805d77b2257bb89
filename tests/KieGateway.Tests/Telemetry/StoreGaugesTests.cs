using System.Net;
using KieGateway.Storage;
using KieGateway.Tests.Infrastructure;
using KieGateway.Webhooks;

namespace KieGateway.Tests.Telemetry;

/// <summary>The refresh backlog and the outbox's depth, read from the store at most once per Telemetry:StoreGaugesMaxAge.</summary>
public sealed class StoreGaugesTests : GatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telemetry:StoreGaugesMaxAge"] = "00:00:30",
    };

    private static long Last(Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long> gauge)
    {
        gauge.RecordObservableInstruments();
        return gauge.LastMeasurement!.Value;
    }

    [Fact]
    public async Task TheBacklogCountsUnfinishedVideosDueForARefreshReadOncePerMaxAge()
    {
        using var backlog = Gateway.Metric<long>("kiegateway.jobs.backlog");
        var bob = Gateway.ClientWithKey(TestClients.BobKey);
        await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await bob.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(0, Last(backlog)); // both are next asked about in 5 s
        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, Last(backlog)); // the count of 29 s ago still stands
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, Last(backlog));
    }

    [Fact]
    public async Task TheOutboxDepthCountsPendingWebhookEvents()
    {
        using var pending = Gateway.Metric<long>("kiegateway.webhooks.pending");
        var later = Clock.GetUtcNow().AddDays(1); // not due: the dispatcher leaves them be
        await StoreAsync(db =>
        {
            foreach (var (id, status) in new[] { ("1", WebhookEventStatus.Pending), ("2", WebhookEventStatus.Pending), ("3", WebhookEventStatus.Delivered) })
            {
                db.Videos.Add(VideoRow("vid_gauge" + id));
                db.WebhookEvents.Add(new WebhookEventRecord
                {
                    Id = "msg_" + id, VideoId = "vid_gauge" + id, ClientId = "alice", Type = "video.completed", Url = "http://127.0.0.1:9/hooks",
                    Payload = "{}", Status = status, CreatedAt = Clock.GetUtcNow(), NextAttemptAt = status == WebhookEventStatus.Pending ? later : null,
                });
            }
        });

        Assert.Equal(2, Last(pending));
    }
}
