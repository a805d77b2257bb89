using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Kie;

/// <summary>createTask and generate cost money: whatever goes wrong, the gateway sends each one once.</summary>
public sealed class PaidCallsAreNeverRetriedTests : GatewayTest
{
    [Theory]
    [InlineData("/api/v1/veo/generate", "veo-3.1-fast")]
    [InlineData("/api/v1/jobs/createTask", "sora-2")]
    public async Task AServerErrorOnCreateIsNotRetried(string path, string model)
    {
        Kie.Script(path, FakeAnswer.Envelope(500, 500, "Server Error"), FakeAnswer.Envelope(500, 500, "Server Error"));

        var response = await Alice.PostVideoAsync(new { prompt = "p", model });

        await response.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.Single(Kie.CallsTo(path));
    }

    [Theory]
    [InlineData("/api/v1/veo/generate", "veo-3.1-fast")]
    [InlineData("/api/v1/jobs/createTask", "sora-2")]
    public async Task ADroppedConnectionOnCreateIsNotRetriedAndTheVideoIsMarkedOutcomeUnknown(string path, string model)
    {
        Kie.Script(path, new FakeAnswer(Drop: true), new FakeAnswer(Drop: true));

        var response = await Alice.PostVideoAsync(new { prompt = "p", model });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.Single(Kie.CallsTo(path));
        var video = Assert.Single((await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        Assert.Equal(video!["id"].Str(), problem["videoId"].Str()); // the client can follow what it may have paid for
        Assert.Equal("failed", video!["status"].Str());
        Assert.Equal("upstream_outcome_unknown", video["error"]!["code"].Str());
    }

    [Theory]
    [InlineData("/api/v1/veo/generate", "veo-3.1-fast")]
    [InlineData("/api/v1/jobs/createTask", "sora-2")]
    public async Task ATimeoutOnCreateIsNotRetried(string path, string model)
    {
        Kie.Script(path, new FakeAnswer(Hang: true), new FakeAnswer(Hang: true));

        var pending = Alice.PostVideoAsync(new { prompt = "p", model });
        await Kie.WaitForCallsAsync(path, 1);
        Clock.Advance(TimeSpan.FromSeconds(3));
        var response = await pending;

        await response.AssertProblemAsync(HttpStatusCode.GatewayTimeout, "upstream_timeout");
        // Give the pipeline every chance to send a second attempt before counting.
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(Kie.CallsTo(path));
    }

    [Theory]
    [InlineData(500, "{\"code\":500,\"msg\":\"Server Error\"}")]
    [InlineData(502, "<html>bad gateway</html>")]
    [InlineData(200, "{\"msg\":\"accepted\",\"data\":{\"taskId\":\"veo_task_9\"}}")]
    public async Task AnAnswerThatDoesNotSayNothingWasCreatedLeavesTheVideoAsOutcomeUnknown(int status, string body)
    {
        Kie.Script("/api/v1/veo/generate", new FakeAnswer(status, body));

        var response = await Alice.PostVideoAsync(new { prompt = "p" });

        await response.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");
        var video = Assert.Single((await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray());
        Assert.Equal("upstream_outcome_unknown", video!["error"]!["code"].Str());
        Assert.Single(Kie.Calls);
    }

    [Fact]
    public async Task ReadsAreRetriedAfterAServerError()
    {
        var created = await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted);
        const string taskId = "veo_task_1"; // the fake numbers its tasks from 1
        Kie.SetRecord(taskId, KieRecords.VeoCompleted(taskId));
        Kie.Script("/api/v1/veo/record-info", FakeAnswer.Envelope(503, 503, "busy"));
        Clock.Advance(TimeSpan.FromSeconds(5));

        var pending = Alice.GetAsync($"/videos/{created["id"].Str()}");
        await Kie.WaitForCallsAsync("/api/v1/veo/record-info", 1);
        await AdvanceUntilAsync(() => Kie.CallsTo("/api/v1/veo/record-info").Count == 2, TimeSpan.FromMilliseconds(50));
        var video = await (await pending).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("completed", video["status"].Str());
        Assert.Equal(2, Kie.CallsTo("/api/v1/veo/record-info").Count);
    }

    [Fact]
    public async Task ReadsHonourKiesRetryAfter()
    {
        var created = await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted);
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));
        Kie.Script("/api/v1/veo/record-info", FakeAnswer.Envelope(429, 429, "Rate limit exceeded") with { RetryAfterSeconds = 5 });
        Clock.Advance(TimeSpan.FromSeconds(5));

        var pending = Alice.GetAsync($"/videos/{created["id"].Str()}");
        await Kie.WaitForCallsAsync("/api/v1/veo/record-info", 1);
        var firstCall = Clock.GetUtcNow();
        await AdvanceUntilAsync(() => Kie.CallsTo("/api/v1/veo/record-info").Count == 2, TimeSpan.FromMilliseconds(250));
        var video = await (await pending).AssertJsonAsync(HttpStatusCode.OK);

        // Without Retry-After the second read would come after the 10 ms base delay.
        Assert.True(Clock.GetUtcNow() - firstCall >= TimeSpan.FromSeconds(5), $"retried after {Clock.GetUtcNow() - firstCall}");

        Assert.Equal("completed", video["status"].Str());
        Assert.Equal(2, Kie.CallsTo("/api/v1/veo/record-info").Count);
    }
}
