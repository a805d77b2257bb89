using System.Net;
using System.Net.Http.Json;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Security;

/// <summary>A full run through every endpoint and failure path: the Kie key appears in no answer and no log line.</summary>
public sealed class KieKeySecrecyTests : GatewayTest
{
    private readonly List<string> _answers = [];

    private async Task<HttpResponseMessage> RecordAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        _answers.Add($"{(int)response.StatusCode} {response.Headers} {response.Content.Headers} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    [Fact]
    public async Task TheKieKeyIsInNoResponseHeaderOrLogLine()
    {
        var admin = Gateway.ClientWithKey(TestClients.AdminKey);
        var anonymous = Gateway.CreateClient();

        // Successes.
        var veo = await (await RecordAsync(Alice.PostVideoAsync(new { prompt = "ok" }))).AssertJsonAsync(HttpStatusCode.Accepted);
        await RecordAsync(Alice.PostVideoAsync(new { prompt = "ok", model = "sora-2" }));
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        await RecordAsync(Alice.GetAsync($"/videos/{veo["id"].Str()}"));
        await RecordAsync(Alice.GetAsync("/videos"));
        await RecordAsync(Alice.GetAsync("/models"));
        await RecordAsync(admin.GetAsync("/credits"));
        await RecordAsync(anonymous.GetAsync("/health/ready"));
        await RecordAsync(anonymous.GetAsync("/openapi/v1.json"));

        // Every kind of upstream failure, including exception paths (drop, timeout, garbage).
        foreach (var answer in new[]
                 {
                     FakeAnswer.Envelope(401, 401, "You do not have access permissions"),
                     FakeAnswer.Envelope(200, 402, "Credits insufficient"),
                     FakeAnswer.Envelope(500, 500, "Server Error"),
                     new FakeAnswer(200, "<html>gateway error</html>"),
                     new FakeAnswer(Drop: true),
                 })
        {
            Kie.Script("/api/v1/veo/generate", answer);
            await RecordAsync(Alice.PostVideoAsync(new { prompt = "fails" }));
        }

        Kie.Script("/api/v1/veo/generate", new FakeAnswer(Hang: true));
        var hanging = RecordAsync(Alice.PostVideoAsync(new { prompt = "times out" }));
        await Kie.WaitForCallsAsync("/api/v1/veo/generate", 7);
        Clock.Advance(TimeSpan.FromSeconds(3));
        await hanging;
        Kie.Script("/api/v1/chat/credit", new FakeAnswer(Drop: true), new FakeAnswer(Drop: true), new FakeAnswer(Drop: true), new FakeAnswer(Drop: true));
        var credits = RecordAsync(admin.GetAsync("/credits"));
        await AdvanceUntilAsync(() => credits.IsCompleted, TimeSpan.FromMilliseconds(100));
        await credits;

        // Sora's failures, and reads that fail upstream.
        Kie.Script("/api/v1/jobs/createTask", FakeAnswer.Envelope(200, 401, "Unauthorized"), new FakeAnswer(Drop: true));
        await RecordAsync(Alice.PostVideoAsync(new { prompt = "fails", model = "sora-2" }));
        await RecordAsync(Alice.PostVideoAsync(new { prompt = "fails", model = "sora-2" }));
        Kie.Script("/api/v1/jobs/recordInfo", FakeAnswer.Envelope(401, 401, "Unauthorized"), new FakeAnswer(200, "garbage"));
        var sora = (await (await Alice.GetAsync("/videos?model=sora-2&status=queued")).AssertJsonAsync(HttpStatusCode.OK))["data"]![0]!["id"].Str();
        Clock.Advance(TimeSpan.FromSeconds(5));
        await RecordAsync(Alice.GetAsync($"/videos/{sora}"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        await RecordAsync(Alice.GetAsync($"/videos/{sora}"));

        // Client mistakes.
        await RecordAsync(Alice.PostAsync("/videos", new StringContent("{oops", System.Text.Encoding.UTF8, "application/json")));
        await RecordAsync(anonymous.PostAsJsonAsync("/videos", new { prompt = "no key" }));

        Assert.True(Kie.Calls.Count >= 10, "the run reached Kie");
        Assert.All(Kie.Calls, c => Assert.Equal($"Bearer {FakeKie.ApiKey}", c.Authorization));
        Assert.All(_answers, a => Assert.DoesNotContain(FakeKie.ApiKey, a));
        Assert.NotEmpty(Gateway.Log.Lines);
        Assert.All(Gateway.Log.Lines, line => Assert.DoesNotContain(FakeKie.ApiKey, line));
    }
}
