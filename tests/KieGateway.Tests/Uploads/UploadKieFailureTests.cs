using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Uploads;

/// <summary>Kie's file API fails like any Kie call: API.md's error table, sent once, the key nowhere.</summary>
public sealed class UploadKieFailureTests : GatewayTest
{
    private Task<HttpResponseMessage> UploadAsync() => Alice.PostAsync("/uploads", TestImages.Multipart(TestImages.Png()));

    private static FakeAnswer Answer(int httpStatus, int code, string msg = "upstream says no") =>
        new(httpStatus, $$"""{"success":false,"code":{{code}},"msg":"{{msg}}"}""");

    public static TheoryData<int, int, HttpStatusCode, string> KieAnswers => new()
    {
        // HTTP status, body code, expected status, expected code
        { 400, 400, HttpStatusCode.UnprocessableEntity, "upstream_rejected" },
        { 200, 422, HttpStatusCode.UnprocessableEntity, "upstream_rejected" },
        { 401, 401, HttpStatusCode.BadGateway, "upstream_auth_failed" },
        { 429, 429, HttpStatusCode.TooManyRequests, "upstream_rate_limited" },
        { 200, 455, HttpStatusCode.ServiceUnavailable, "upstream_unavailable" },
        { 405, 405, HttpStatusCode.BadGateway, "upstream_error" },
        { 500, 500, HttpStatusCode.BadGateway, "upstream_error" },
        { 200, 500, HttpStatusCode.BadGateway, "upstream_error" },
    };

    [Theory]
    [MemberData(nameof(KieAnswers))]
    public async Task AKieFileApiErrorMapsToItsRowOfTheErrorTableAndIsSentOnce(int httpStatus, int bodyCode, HttpStatusCode status, string code)
    {
        Kie.Script(FakeKie.UploadPath, Answer(httpStatus, bodyCode));

        var response = await UploadAsync();

        await response.AssertProblemAsync(status, code);
        Assert.Single(Kie.CallsTo(FakeKie.UploadPath)); // never retried, whatever the failure
    }

    [Fact]
    public async Task SuccessFalseIsAFailureEvenWithCode200()
    {
        Kie.Script(FakeKie.UploadPath, new FakeAnswer(200, """{"success":false,"code":200,"msg":"File upload failed","data":{"downloadUrl":"https://tempfile.redpandaai.co/x.png"}}"""));

        await (await UploadAsync()).AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");
    }

    [Theory]
    [InlineData("""{"success":true,"code":200,"msg":"ok","data":{"fileName":"a.png"}}""")]
    [InlineData("""{"success":true,"code":200,"msg":"ok","data":{"downloadUrl":"not a url"}}""")]
    [InlineData("<html>bad gateway</html>")]
    public async Task AnAnswerWithoutAUsableDownloadUrlIsAnUpstreamError(string body)
    {
        Kie.Script(FakeKie.UploadPath, new FakeAnswer(200, body));

        await (await UploadAsync()).AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");
    }

    [Fact]
    public async Task AFileApiThatDoesNotAnswerInTimeIsAGatewayTimeout()
    {
        Kie.Script(FakeKie.UploadPath, new FakeAnswer(Hang: true));

        var pending = UploadAsync();
        await Kie.WaitForCallsAsync(FakeKie.UploadPath, 1);
        Clock.Advance(TimeSpan.FromSeconds(3)); // past Kie:Timeout (2 s in tests)

        await (await pending).AssertProblemAsync(HttpStatusCode.GatewayTimeout, "upstream_timeout");
        Assert.Single(Kie.CallsTo(FakeKie.UploadPath));
    }

    [Fact]
    public async Task TheKieKeyIsInNoAnswerOrLogLineOfAFailedUpload()
    {
        var answers = new List<string>();
        Kie.Script(FakeKie.UploadPath,
            Answer(401, 401, $"Authentication failed: Invalid API Key {FakeKie.ApiKey}"),
            Answer(400, 400, $"bad key {FakeKie.ApiKey}"),
            new FakeAnswer(Drop: true),
            new FakeAnswer(200, "garbage"));

        for (var i = 0; i < 4; i++)
        {
            var response = await UploadAsync();
            answers.Add($"{(int)response.StatusCode} {response.Headers} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.All(Kie.Calls, c => Assert.Equal($"Bearer {FakeKie.ApiKey}", c.Authorization));
        Assert.All(answers, a => Assert.DoesNotContain(FakeKie.ApiKey, a));
        Assert.All(Gateway.Log.Lines, line => Assert.DoesNotContain(FakeKie.ApiKey, line));
    }
}
