using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Telemetry;

/// <summary>A refresh that no client asked for is a trace of its own, naming the video and linked to its create.</summary>
public sealed class BackgroundTracingTests : TracedTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:BackgroundRefresh"] = "true",
        // Real HTTP under a fast-moving fake clock: no read may time out on the fake clock mid-request.
        ["Kie:Timeout"] = "00:05:00",
        ["Jobs:ReadRefreshBudget"] = "00:05:00",
    };

    [Fact]
    public async Task ABackgroundRefreshIsATraceOfItsOwnNamingTheVideoAndLinkedToItsCreate()
    {
        using var completed = Gateway.Metric<long>("kiegateway.videos.completed");
        var created = await Alice.PostVideoAsync(new { prompt = "a fox" });
        var id = (await created.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        var create = await Spans.WaitForAsync(s => s.In(created.TraceId()) && s.IsGatewayRequest());
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted());

        await AdvanceUntilAsync(() => completed.GetMeasurementSnapshot().Count == 1, TimeSpan.FromMilliseconds(500));
        var refresh = await Spans.WaitForAsync(s => s.IsGateway("video refresh") && Equals(s.Tag("kiegateway.video.id"), id));
        var kie = await Spans.WaitForAsync(s => s.IsGateway("kie veo/record-info") && s.ParentSpanId == refresh.SpanId);

        Assert.Equal(default, refresh.ParentSpanId);
        var link = Assert.Single(refresh.Links);
        Assert.Equal((create.TraceId, create.SpanId), (link.Context.TraceId, link.Context.SpanId));
        Assert.Equal(("veo_task_1", "completed"), (refresh.Tag("kiegateway.kie.task_id"), refresh.Tag("kiegateway.video.status")));
        Assert.Equal((id, "veo_task_1"), (kie.Tag("kiegateway.video.id"), kie.Tag("kiegateway.kie.task_id")));
    }
}
