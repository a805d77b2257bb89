using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Kie;

/// <summary>Every row of API.md's error table that Kie can cause, on both create calls.</summary>
public sealed class KieErrorTableTests : GatewayTest
{
    public static TheoryData<string, int, int, HttpStatusCode, string> KieAnswers => new()
    {
        // path, HTTP status, body code, expected status, expected code
        { "/api/v1/veo/generate", 402, 402, HttpStatusCode.PaymentRequired, "insufficient_credits" },
        { "/api/v1/veo/generate", 200, 402, HttpStatusCode.PaymentRequired, "insufficient_credits" },
        { "/api/v1/jobs/createTask", 200, 402, HttpStatusCode.PaymentRequired, "insufficient_credits" },
        { "/api/v1/veo/generate", 400, 400, HttpStatusCode.UnprocessableEntity, "upstream_rejected" },
        { "/api/v1/veo/generate", 200, 422, HttpStatusCode.UnprocessableEntity, "upstream_rejected" },
        { "/api/v1/jobs/createTask", 422, 422, HttpStatusCode.UnprocessableEntity, "upstream_rejected" },
        { "/api/v1/veo/generate", 200, 451, HttpStatusCode.UnprocessableEntity, "upstream_rejected" },
        { "/api/v1/veo/generate", 429, 429, HttpStatusCode.TooManyRequests, "upstream_rate_limited" },
        { "/api/v1/jobs/createTask", 200, 433, HttpStatusCode.TooManyRequests, "upstream_rate_limited" },
        { "/api/v1/veo/generate", 200, 455, HttpStatusCode.ServiceUnavailable, "upstream_unavailable" },
        { "/api/v1/jobs/createTask", 200, 505, HttpStatusCode.ServiceUnavailable, "upstream_unavailable" },
        { "/api/v1/veo/generate", 401, 401, HttpStatusCode.BadGateway, "upstream_auth_failed" },
        { "/api/v1/veo/generate", 500, 500, HttpStatusCode.BadGateway, "upstream_error" },
        { "/api/v1/jobs/createTask", 200, 501, HttpStatusCode.BadGateway, "upstream_error" },
    };

    [Theory]
    [MemberData(nameof(KieAnswers))]
    public async Task AKieErrorAnswerMapsToItsRowOfTheErrorTable(string path, int httpStatus, int bodyCode, HttpStatusCode status, string code)
    {
        Kie.Script(path, FakeAnswer.Envelope(httpStatus, bodyCode, "upstream says no"));
        var model = path.Contains("jobs") ? "sora-2" : "veo-3.1";

        var response = await Alice.PostVideoAsync(new { prompt = "p", model });

        var problem = await response.AssertProblemAsync(status, code);
        if (code != "upstream_auth_failed") // Kie's words about the gateway's own key stay inside
        {
            Assert.StartsWith("upstream says no", problem["detail"].Str());
        }

        Assert.Single(Kie.CallsTo(path));
    }

    [Fact]
    public async Task AnHttp200WithBodyCode402IsNotASuccess()
    {
        Kie.Script("/api/v1/veo/generate", FakeAnswer.Envelope(200, 402, "Credits insufficient", new { taskId = "veo_task_x" }));

        var response = await Alice.PostVideoAsync(new { prompt = "p" });

        await response.AssertProblemAsync(HttpStatusCode.PaymentRequired, "insufficient_credits");
        var list = await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Empty(list["data"]!.AsArray()); // a refused create leaves no video behind
    }

    [Fact]
    public async Task KieRateLimitsPassOnKiesRetryAfter()
    {
        Kie.Script("/api/v1/veo/generate", FakeAnswer.Envelope(429, 429, "Rate limit exceeded") with { RetryAfterSeconds = 7 });

        var response = await Alice.PostVideoAsync(new { prompt = "p" });

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "upstream_rate_limited");
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task KieRateLimitsWithoutRetryAfterStillTellTheClientWhenToRetry()
    {
        Kie.Script("/api/v1/jobs/createTask", FakeAnswer.Envelope(200, 433, "sub-key usage exceeds limit"));

        var response = await Alice.PostVideoAsync(new { prompt = "p", model = "sora-2" });

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "upstream_rate_limited");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"code\":200,\"msg\":\"success\",\"data\":{}}")]
    public async Task AnUnreadableKieAnswerIsAnUpstreamError(string body)
    {
        Kie.Script("/api/v1/veo/generate", new FakeAnswer(200, body));

        var response = await Alice.PostVideoAsync(new { prompt = "p" });

        await response.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");
    }

    [Fact]
    public async Task KieMessageFieldIsReadWhenMsgIsAbsent()
    {
        Kie.Script("/api/v1/jobs/createTask", new FakeAnswer(200, """{"code":422,"message":"prompt contains prohibited content"}"""));

        var response = await Alice.PostVideoAsync(new { prompt = "p", model = "sora-2" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "upstream_rejected");
        Assert.Equal("prompt contains prohibited content", problem["detail"].Str());
    }

    [Fact]
    public async Task AKieTimeoutIsAGatewayTimeout()
    {
        Kie.Script("/api/v1/veo/generate", new FakeAnswer(Hang: true));

        var pending = Alice.PostVideoAsync(new { prompt = "p" });
        await Kie.WaitForCallsAsync("/api/v1/veo/generate", 1);
        Clock.Advance(TimeSpan.FromSeconds(3)); // past Kie:Timeout (2 s in tests), on the gateway's clock

        await (await pending).AssertProblemAsync(HttpStatusCode.GatewayTimeout, "upstream_timeout");
    }
}
