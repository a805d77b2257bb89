using System.Net;
using KieGateway.Tests.Infrastructure;
using KieGateway.Tests.Webhooks;

namespace KieGateway.Tests.Telemetry;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, the gateway's own traces and metrics are pushed there (OTLP over HTTP).</summary>
[Collection(ProcessWideTelemetry.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task TheGatewaysOwnSpansAndInstrumentsArePushedToTheConfiguredCollector()
    {
        // Any loopback server that records what it is sent will do as the collector.
        await using var collector = await WebhookReceiver.StartAsync(() => DateTimeOffset.UtcNow);
        await using var kie = await FakeKie.StartAsync();
        var gateway = new GatewayFactory(kie, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "100",
        });

        var created = await gateway.ClientWithKey(TestClients.AliceKey).PostVideoAsync(new { prompt = "a fox" });
        var id = (await created.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();

        // Protobuf keeps strings as UTF-8: names are found in the bodies as text. The video id pins the span to this
        // host's create (OpenTelemetry listens process-wide, so other tests' spans may be in the same export).
        bool TraceArrived() => Pushed(collector, "/v1/traces", "kie veo/generate", id);
        bool MetricArrived() => Pushed(collector, "/v1/metrics", "kiegateway.videos.created", "kiegateway.kie.request.duration");

        // Exports run on their own schedule (every 100 ms here): wait for both, within a bound.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(TraceArrived() && MetricArrived()) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        Assert.True(TraceArrived(), "no OTLP trace export held the create's kie veo/generate span");
        Assert.True(MetricArrived(), "no OTLP metric export held the KieGateway meter's instruments");
        await gateway.DisposeAsync();
        File.Delete(gateway.DatabasePath);
    }

    private static bool Pushed(WebhookReceiver collector, string path, params string[] texts) =>
        collector.Received.Any(r => r.Path == path && r.ContentType == "application/x-protobuf"
                                    && texts.All(t => r.Body.Contains(t, StringComparison.Ordinal)));
}
