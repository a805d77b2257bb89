using System.Net;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace KieGateway.Tests.Telemetry;

/// <summary>GET /metrics: Prometheus text for the admin scope only.</summary>
public sealed class MetricsEndpointTests : GatewayTest
{
    [Fact]
    public async Task AnAdminScrapesPrometheusTextWithTheGatewaysInstruments()
    {
        await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted);

        var response = await Gateway.ClientWithKey(TestClients.AdminKey).GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE kiegateway_videos_created_total counter", text);
        // Other tests' hosts run in this process too, and OpenTelemetry listens to meters by name: counts may include theirs.
        Assert.Matches("kiegateway_videos_created_total\\{otel_scope_name=\"KieGateway\",client=\"alice\",model=\"veo-3.1-fast\"\\} [1-9]", text);
        Assert.Contains("# TYPE kiegateway_kie_request_duration_seconds histogram", text);
        Assert.Contains("kie_code=\"200\",operation=\"veo/generate\",outcome=\"success\",le=\"0.05\"}", text);
        Assert.Contains("# TYPE kiegateway_jobs_backlog gauge", text);
        Assert.Contains("# TYPE kiegateway_webhooks_pending gauge", text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text); // ASP.NET Core's own
        Assert.DoesNotContain(FakeKie.ApiKey, text);
    }

    [Fact]
    public async Task AClientWithoutTheAdminScopeIsForbidden()
    {
        await (await Alice.GetAsync("/metrics")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ARequestWithoutAKeyIsUnauthorized()
    {
        var response = await Gateway.CreateClient().GetAsync("/metrics");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }
}

public sealed class MetricsPathTests : GatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Telemetry:MetricsPath"] = "/ops/metrics" };

    [Fact]
    public async Task TheScrapePathIsConfigurable()
    {
        var admin = Gateway.ClientWithKey(TestClients.AdminKey);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/ops/metrics")).StatusCode);
        await (await admin.GetAsync("/metrics")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AMetricsPathThatIsNotAPathStopsTheStartNamingTheKey()
    {
        await using var gateway = new GatewayFactory(Kie, new Dictionary<string, string?> { ["Telemetry:MetricsPath"] = "metrics" });

        var error = Assert.Throws<OptionsValidationException>(() => gateway.CreateClient());

        Assert.Contains("Telemetry:MetricsPath", error.Message);
        File.Delete(gateway.DatabasePath);
    }
}
