using System.Diagnostics;
using KieGateway.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Telemetry;

/// <summary>Each webhook delivery attempt is a trace of its own naming the video and linked to its create, and is counted by outcome.</summary>
public sealed class WebhookTelemetryTests : WebhookTest
{
    private readonly SpanRecorder _spans = new();

    protected override void ConfigureServices(IServiceCollection services) => services.RecordSpans(_spans);

    [Fact]
    public async Task DeliveryAttemptsAreTracedAndCountedByOutcome()
    {
        using var attempts = Gateway.Metric<long>("kiegateway.webhooks.attempts");
        Receiver.Script(500);
        var id = await FinishVideoAsync(Alice);
        bool Delivery(Activity s, int attempt) =>
            s.IsGateway("webhook deliver") && Equals(s.Tag("kiegateway.video.id"), id) && Equals(s.Tag("kiegateway.webhook.attempt"), attempt);

        await WaitForHooksAsync(2);
        var first = await _spans.WaitForAsync(s => Delivery(s, 1));
        var second = await _spans.WaitForAsync(s => Delivery(s, 2));

        Assert.Equal((500, "refused", ActivityStatusCode.Error), (first.Tag("http.response.status_code"), first.Tag("kiegateway.webhook.outcome"), first.Status));
        Assert.Equal((200, "delivered", ActivityStatusCode.Unset), (second.Tag("http.response.status_code"), second.Tag("kiegateway.webhook.outcome"), second.Status));
        Assert.Equal(Hooks[0].Id, first.Tag("kiegateway.webhook.id"));
        Assert.Equal(default, first.ParentSpanId); // not inside the dispatcher's loop, nor the refresh that wrote the event
        Assert.NotEqual(first.TraceId, second.TraceId);
        var create = await _spans.WaitForAsync(s =>
            s.IsGatewayRequest() && Equals(s.Tag("http.request.method"), "POST") && Equals(s.Tag("kiegateway.video.id"), id));
        foreach (var attempt in new[] { first, second })
        {
            var link = Assert.Single(attempt.Links).Context;
            Assert.Equal((create.TraceId, create.SpanId), (link.TraceId, link.SpanId));
        }
        var post = await _spans.WaitForAsync(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == second.SpanId);
        Assert.Equal("POST", post.Tag("http.request.method"));
        Assert.Equal(
            [("alice", "refused"), ("alice", "delivered")],
            attempts.GetMeasurementSnapshot().Select(m => ((string?)m.Of("client"), (string?)m.Of("outcome"))));
    }
}
