using System.Diagnostics;
using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Telemetry;

/// <summary>A create → complete run as traces: the request, the Kie calls under it, the refresh, all naming the video.</summary>
public sealed class TracingTests : TracedTest
{
    private const string VideoId = "kiegateway.video.id";
    private const string TaskId = "kiegateway.kie.task_id";

    [Fact]
    public async Task ACreateIsTracedFromTheRequestToKieNamingTheVideoAndTheTask()
    {
        var response = await Alice.PostVideoAsync(new { prompt = "a fox" });
        var id = (await response.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        var trace = response.TraceId();

        var request = await Spans.WaitForAsync(s => s.In(trace) && s.IsGatewayRequest());
        var kie = await Spans.WaitForAsync(s => s.In(trace) && s.IsGateway("kie veo/generate"));
        var http = await Spans.WaitForAsync(s => s.In(trace) && s.Source.Name == "System.Net.Http");

        Assert.Equal((id, "alice", "veo-3.1-fast"), (request.Tag(VideoId), request.Tag("kiegateway.client.id"), request.Tag("kiegateway.model")));
        Assert.Equal(request.SpanId, kie.ParentSpanId);
        Assert.Equal(ActivityKind.Client, kie.Kind);
        Assert.Equal((id, "veo_task_1", "veo/generate"), (kie.Tag(VideoId), kie.Tag(TaskId), kie.Tag("kiegateway.kie.operation")));
        Assert.Equal((200, 200), (kie.Tag("http.response.status_code"), kie.Tag("kiegateway.kie.code")));
        Assert.Equal(kie.SpanId, http.ParentSpanId); // the HTTP call itself, with its standard attributes
    }

    [Fact]
    public async Task AReadThatRefreshesTheVideoTracesTheRefreshAndItsKieRead()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted());
        Clock.Advance(TimeSpan.FromSeconds(5));

        var response = await Alice.GetAsync($"/videos/{id}");
        var trace = response.TraceId();

        var request = await Spans.WaitForAsync(s => s.In(trace) && s.IsGatewayRequest());
        var refresh = await Spans.WaitForAsync(s => s.In(trace) && s.IsGateway("video refresh"));
        var kie = await Spans.WaitForAsync(s => s.In(trace) && s.IsGateway("kie veo/record-info"));
        Assert.Equal(id, request.Tag(VideoId)); // named by its route
        Assert.Equal(request.SpanId, refresh.ParentSpanId);
        Assert.Equal((id, "veo_task_1", "completed"), (refresh.Tag(VideoId), refresh.Tag(TaskId), refresh.Tag("kiegateway.video.status")));
        Assert.Equal((refresh.SpanId, id, "veo_task_1"), (kie.ParentSpanId, kie.Tag(VideoId), kie.Tag(TaskId)));
    }

    [Fact]
    public async Task AFailedKieCallMarksItsSpanWithTheOutcome()
    {
        Kie.Script("/api/v1/veo/generate", FakeAnswer.Envelope(200, 402, "Credits insufficient"));

        var response = await Alice.PostVideoAsync(new { prompt = "a fox" });

        var kie = await Spans.WaitForAsync(s => s.In(response.TraceId()) && s.IsGateway("kie veo/generate"));
        Assert.Equal(ActivityStatusCode.Error, kie.Status);
        Assert.Equal(("insufficient_credits", 402), (kie.Tag("error.type"), kie.Tag("kiegateway.kie.code")));
    }

    [Fact]
    public async Task HealthProbesAndScrapesAreNotTraced()
    {
        var probe = await Gateway.CreateClient().GetAsync("/health/live");
        var scrape = await Gateway.ClientWithKey(TestClients.AdminKey).GetAsync("/metrics");
        var after = await Alice.GetAsync("/videos");

        await Spans.WaitForAsync(s => s.In(after.TraceId()) && s.IsGatewayRequest()); // ended after the two before it
        Assert.DoesNotContain(Spans.Ended, s => s.In(probe.TraceId()) || s.In(scrape.TraceId()));
    }

    [Fact]
    public async Task NoSpanCarriesTheKieKeyAClientKeyOrACallbackToken()
    {
        const string Token = "cbt_0123456789abcdef0123456789abcdef";
        var admin = Gateway.ClientWithKey(TestClients.AdminKey);
        var id = (await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Clock.Advance(TimeSpan.FromSeconds(5));
        await Alice.GetAsync($"/videos/{id}");
        await admin.GetAsync("/credits");
        Kie.Script("/api/v1/veo/generate", FakeAnswer.Envelope(401, 401, "Unauthorized"));
        await Alice.PostVideoAsync(new { prompt = "a fox" });
        var callback = await Gateway.CreateClient().PostAsync($"/callbacks/kie/{Token}", new StringContent("""{"data":{"taskId":"veo_task_1"}}"""));
        var last = await Spans.WaitForAsync(s => s.In(callback.TraceId()) && s.IsGatewayRequest());

        Assert.Equal("/callbacks/kie/[REDACTED]", last.Tag("url.path"));
        var texts = Spans.Ended.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)).ToList();
        Assert.True(texts.Count > 50, $"only {texts.Count} attributes seen");
        foreach (var secret in new[] { FakeKie.ApiKey, TestClients.AliceKey, TestClients.AdminKey, Token })
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }
}
