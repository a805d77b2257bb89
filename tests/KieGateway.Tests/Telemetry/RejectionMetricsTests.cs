using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Telemetry;

/// <summary>Every 429 is counted once, by its problem code and client, whichever part of the gateway refused.</summary>
public sealed class RejectionMetricsTests : GatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:Clients:0:Budget:DailyCredits"] = "100", // one veo-3.1-fast video (60)
        ["Kie:CreateLimit"] = "1",
        ["Kie:CreateLimitWindow"] = "00:01:00",
    };

    [Fact]
    public async Task BudgetAndAccountLimitRefusalsAreCountedByProblemCodeAndClient()
    {
        using var rejected = Gateway.Metric<long>("kiegateway.requests.rejected");
        using var throttled = Gateway.Metric<long>("kiegateway.kie.throttled");
        using var calls = Gateway.Metric<double>("kiegateway.kie.request.duration");
        var bob = Gateway.ClientWithKey(TestClients.BobKey);

        await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertProblemAsync(HttpStatusCode.TooManyRequests, "budget_exceeded");
        await (await bob.PostVideoAsync(new { prompt = "a fox" })).AssertProblemAsync(HttpStatusCode.TooManyRequests, "upstream_rate_limited");

        Assert.Equal(
            [("budget_exceeded", "alice"), ("upstream_rate_limited", "bob")],
            rejected.GetMeasurementSnapshot().Select(m => ((string?)m.Of("code"), (string?)m.Of("client"))));
        Assert.Equal("create", Assert.Single(throttled.GetMeasurementSnapshot()).Of("call"));
        // The refusal made in the gateway is not a Kie answer: Kie's own 429s are told apart from the account limit.
        Assert.Equal(["success", "account_limit"], calls.GetMeasurementSnapshot().Select(m => (string?)m.Of("outcome")));
        Assert.Single(Kie.CallsTo("/api/v1/veo/generate"));
    }

    [Fact]
    public async Task AClientOverItsOwnRateLimitIsCountedAsRateLimited()
    {
        await using var limited = new GatewayFactory(Kie, new Dictionary<string, string?>
        {
            ["Gateway:Clients:1:RateLimit:PermitLimit"] = "1",
            ["Gateway:Clients:1:RateLimit:Window"] = "00:10:00",
        }, Clock);
        using var rejected = limited.Metric<long>("kiegateway.requests.rejected");
        var bob = limited.ClientWithKey(TestClients.BobKey);

        await (await bob.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
        await (await bob.GetAsync("/videos")).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");

        Assert.Equal(("rate_limited", "bob"), rejected.GetMeasurementSnapshot().Select(m => ((string?)m.Of("code"), (string?)m.Of("client"))).Single());
    }
}
