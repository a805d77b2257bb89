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
        });

        await (await gateway.ClientWithKey(TestClients.AliceKey).PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted);
        await gateway.DisposeAsync(); // stopping flushes both exporters

        Assert.Contains(collector.Received, r => r.Path == "/v1/traces" && r.ContentType == "application/x-protobuf" && r.Body.Length > 0);
        Assert.Contains(collector.Received, r => r.Path == "/v1/metrics" && r.ContentType == "application/x-protobuf" && r.Body.Length > 0);
        File.Delete(gateway.DatabasePath);
    }
}
