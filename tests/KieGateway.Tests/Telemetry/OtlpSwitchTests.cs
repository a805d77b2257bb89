using System.Collections.Concurrent;
using KieGateway.Tests.Infrastructure;
using KieGateway.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Telemetry;

/// <summary>OTEL_EXPORTER_OTLP_ENDPOINT is the switch: unset, no OTLP exporter exists at all, not merely an idle one.</summary>
public sealed class OtlpSwitchTests
{
    /// <summary>The OTLP exporters take their HttpClient, by these names, from the host's factory when they are built.</summary>
    private static readonly string[] ExporterClients = ["OtlpTraceExporter", "OtlpMetricExporter"];

    [Fact]
    public async Task WithoutTheEndpointNoOtlpExporterIsBuiltAndWithItBothAre()
    {
        await using var collector = await WebhookReceiver.StartAsync(() => DateTimeOffset.UtcNow);
        await using var kie = await FakeKie.StartAsync();

        var unset = await ExporterClientsBuiltAsync(kie, endpoint: null);
        var set = await ExporterClientsBuiltAsync(kie, collector.BaseUrl.ToString().TrimEnd('/'));

        Assert.Empty(unset);
        Assert.Equal(ExporterClients.Order(), set.Order());
    }

    /// <summary>Starts a gateway, takes one request through it, and names the exporter clients its providers built.</summary>
    private static async Task<string[]> ExporterClientsBuiltAsync(FakeKie kie, string? endpoint)
    {
        var built = new ConcurrentQueue<string>();
        var gateway = new GatewayFactory(kie, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }, services: services =>
        {
            foreach (var name in ExporterClients)
            {
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() =>
                {
                    built.Enqueue(name);
                    return new HttpClientHandler();
                });
            }
        });

        // The host starts its tracer and meter providers (and so their exporters) before it takes requests.
        await gateway.ClientWithKey(TestClients.AliceKey).GetAsync("/videos");
        var names = built.Distinct().ToArray();
        await gateway.DisposeAsync();
        File.Delete(gateway.DatabasePath);
        return names;
    }
}
