using System.Net;
using KieGateway.Tests.Infrastructure;
using KieGateway.Tests.Webhooks;

namespace KieGateway.Tests.Telemetry;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, traces and metrics are pushed there (OTLP over HTTP).</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task TracesAndMetricsArePushedToTheConfiguredCollector()
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

        await (await gateway.ClientWithKey(TestClients.AliceKey).PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted);

        // Exports run on their own schedule (every 100 ms here): wait for both, within a bound.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!(Pushed(collector, "/v1/traces") && Pushed(collector, "/v1/metrics")))
        {
            await Task.Delay(20, timeout.Token);
        }

        await gateway.DisposeAsync();
        File.Delete(gateway.DatabasePath);
    }

    private static bool Pushed(WebhookReceiver collector, string path) =>
        collector.Received.Any(r => r.Path == path && r.ContentType == "application/x-protobuf" && r.Body.Length > 0);
}
