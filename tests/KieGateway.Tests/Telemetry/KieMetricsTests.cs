using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Telemetry;

/// <summary>Every Kie call is timed by operation, with its outcome and Kie's code.</summary>
public sealed class KieMetricsTests : GatewayTest
{
    [Fact]
    public async Task KieCallsAreTimedByOperationWithTheirOutcomeAndKiesCode()
    {
        using var calls = Gateway.Metric<double>("kiegateway.kie.request.duration");
        using var rejected = Gateway.Metric<long>("kiegateway.requests.rejected");

        var id = (await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Clock.Advance(TimeSpan.FromSeconds(5));
        await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Kie.Script("/api/v1/veo/generate", FakeAnswer.Envelope(200, 402, "Credits insufficient"));
        await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertProblemAsync(HttpStatusCode.PaymentRequired, "insufficient_credits");

        var seen = calls.GetMeasurementSnapshot().Select(m => (m.Of("operation"), m.Of("outcome"), m.Of("kie.code"), m.Of("http.response.status_code")));
        Assert.Equal(
            [("veo/generate", "success", "200", 200), ("veo/record-info", "success", "200", 200), ("veo/generate", "insufficient_credits", "402", 200)],
            seen.Select(s => ((string?)s.Item1, (string?)s.Item2, (string?)s.Item3, (int?)s.Item4)));
        Assert.Empty(rejected.GetMeasurementSnapshot()); // only 429s are rejections
    }

    [Fact]
    public async Task ACallThatKieNeverAnsweredHasNoCode()
    {
        using var calls = Gateway.Metric<double>("kiegateway.kie.request.duration");
        Kie.Script("/api/v1/chat/credit", Enumerable.Repeat(new FakeAnswer(Drop: true), 4).ToArray());

        var credits = Gateway.ClientWithKey(TestClients.AdminKey).GetAsync("/credits");
        await AdvanceUntilAsync(() => credits.IsCompleted, TimeSpan.FromMilliseconds(100));
        await (await credits).AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");

        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal(("chat/credit", "server_error", null, null),
            (call.Of("operation"), call.Of("outcome"), call.Of("kie.code"), call.Of("http.response.status_code")));
    }

    [Fact]
    public async Task ABodyCodeKieDoesNotDocumentIsLabelledOtherAndAnAnswerWithoutAnEnvelopeHasOnlyItsStatus()
    {
        using var calls = Gateway.Metric<double>("kiegateway.kie.request.duration");
        var admin = Gateway.ClientWithKey(TestClients.AdminKey);
        Kie.Script("/api/v1/chat/credit", FakeAnswer.Envelope(200, 987654321, "whatever upstream says"));
        await (await admin.GetAsync("/credits")).AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");
        Kie.Script("/api/v1/veo/generate", new FakeAnswer(403, "<html>a proxy's page</html>"));
        await Alice.PostVideoAsync(new { prompt = "a fox" });

        Assert.Equal(
            [("chat/credit", "other", 200), ("veo/generate", null, 403)],
            calls.GetMeasurementSnapshot().Select(m => ((string?)m.Of("operation"), (string?)m.Of("kie.code"), (int?)m.Of("http.response.status_code"))));
    }
}
