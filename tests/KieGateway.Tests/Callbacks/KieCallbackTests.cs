using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Callbacks;

/// <summary>A gateway with a public URL, so that Kie gets callback URLs, and helpers to call them.</summary>
public abstract class KieCallbackTestBase : GatewayTest
{
    protected const string RecordInfo = "/api/v1/veo/record-info";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:PublicBaseUrl"] = "https://gateway.example.com",
        ["Jobs:BackgroundRefresh"] = "true",
    };

    protected async Task<(string VideoId, Uri CallbackUrl)> CreateAsync(string model = "veo-3.1-fast")
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "p", model })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        var sent = Kie.Calls.Last(c => c.Method == "POST");
        return (id, new Uri(sent.Json["callBackUrl"].Str()));
    }

    protected Task<HttpResponseMessage> CallBackAsync(Uri url, object body, Action<HttpRequestMessage>? sign = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url.AbsolutePath)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        sign?.Invoke(request);
        return Gateway.CreateClient().SendAsync(request);
    }
}

/// <summary>Kie's callbacks are signals: the job is re-read from Kie, and forged ones change nothing.</summary>
public sealed class KieCallbackTests : KieCallbackTestBase
{
    [Fact]
    public async Task EveryCreatePassesAnUnguessableCallbackUrl()
    {
        var (_, veo) = await CreateAsync();
        var (_, sora) = await CreateAsync("sora-2");

        Assert.Equal("gateway.example.com", veo.Host);
        Assert.StartsWith("/callbacks/kie/", veo.AbsolutePath);
        Assert.NotEqual(veo, sora);
        Assert.True(veo.Segments.Last().Length >= 40, "the token carries 256 bits");
    }

    [Fact]
    public async Task ACallbackCompletesTheVideoWithoutAClientPollAndKieIsReRead()
    {
        var (id, url) = await CreateAsync();
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/from-kie.mp4"));

        var answer = await CallBackAsync(url, KieRecords.VeoCallback("veo_task_1"));
        await Kie.WaitForCallsAsync(RecordInfo, 1);
        var video = await WaitForStatusAsync(id, "completed");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(["https://cdn.example/from-kie.mp4"], video["videoUrls"].Strings()); // Kie's record, not the callback's
        Assert.Single(Kie.CallsTo(RecordInfo));
        var token = url.Segments.Last();
        Assert.Contains(Gateway.Log.Lines, l => l.Contains("/callbacks/kie/[REDACTED]"));
        Assert.All(Gateway.Log.Lines, l => Assert.DoesNotContain(token, l)); // the token guards the job: never logged
    }

    [Fact]
    public async Task JobsCallbacksWithTaskIdInEitherSpellingAreSignalsToo()
    {
        var (id, url) = await CreateAsync("sora-2");
        Kie.SetRecord("task_sora_1", new { taskId = "task_sora_1", state = "success", resultJson = """{"resultUrls":["https://cdn.example/s.mp4"]}""" });

        await CallBackAsync(url, new { code = 200, msg = "Playground task completed successfully.", data = new { task_id = "task_sora_1", state = "success" } });

        await WaitForStatusAsync(id, "completed");
        Assert.Single(Kie.CallsTo("/api/v1/jobs/recordInfo"));
    }

    [Fact]
    public async Task AVeoCallbackWithPromptJsonAsAnObjectAndTaskIdAtTheTopIsReadToo()
    {
        var (id, url) = await CreateAsync();
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/a.mp4"));

        await CallBackAsync(url, new
        {
            code = 200,
            msg = "Veo3.1 video generated successfully.",
            taskId = "veo_task_1",
            data = new { callbackType = "task_completed", promptJson = new { prompt = "p", aspectRatio = "16:9" }, info = new { resultUrls = "[https://cdn.example/a.mp4]" } },
        });

        await WaitForStatusAsync(id, "completed");
        Assert.Single(Kie.CallsTo(RecordInfo));
    }

    [Fact]
    public async Task DuplicateCallbacksChangeNothingMore()
    {
        var (id, url) = await CreateAsync();
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/a.mp4"));
        await CallBackAsync(url, KieRecords.VeoCallback("veo_task_1"));
        await WaitForStatusAsync(id, "completed");

        var again = await CallBackAsync(url, KieRecords.VeoCallback("veo_task_1"));
        var thrice = await CallBackAsync(url, KieRecords.VeoCallback("veo_task_1"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, thrice.StatusCode);
        Assert.Single(Kie.CallsTo(RecordInfo));
    }

    [Fact]
    public async Task ForgedCallbacksChangeNothingAndRevealNothing()
    {
        var (id, url) = await CreateAsync();
        var forgedToken = new Uri(url, "/callbacks/kie/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var wrongTask = await CallBackAsync(url, KieRecords.VeoCallback("veo_task_999"));
        var unknown = await CallBackAsync(forgedToken, KieRecords.VeoCallback("veo_task_1"));
        var garbage = await CallBackAsync(new Uri(url, "/callbacks/kie/x"), "not even an object");

        foreach (var answer in new[] { wrongTask, unknown, garbage })
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("{\"received\":true}", await answer.Content.ReadAsStringAsync());
        }

        Assert.Empty(Kie.CallsTo(RecordInfo));
        Assert.Equal("queued", (await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK))["status"].Str());
    }
}

/// <summary>With Kie's webhook HMAC key configured, only correctly signed, fresh callbacks count.</summary>
public sealed class SignedKieCallbackTests : KieCallbackTestBase
{
    private const string HmacKey = "kie-dashboard-hmac-key";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Kie:WebhookHmacKey"] = HmacKey,
    };

    private Action<HttpRequestMessage> SignedAt(string taskId, DateTimeOffset at, string key = HmacKey) => request =>
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{taskId}.{timestamp}")));
        request.Headers.Add("X-Webhook-Timestamp", timestamp);
        request.Headers.Add("X-Webhook-Signature", signature);
    };

    [Fact]
    public async Task ASignedCallbackIsAccepted()
    {
        var (id, url) = await CreateAsync();
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/a.mp4"));

        var answer = await CallBackAsync(url, KieRecords.VeoCallback("veo_task_1"), SignedAt("veo_task_1", Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await WaitForStatusAsync(id, "completed");
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("wrong key")]
    [InlineData("stale")]
    [InlineData("other task")]
    public async Task AnUnsignedWronglySignedOrStaleCallbackIsRefused(string flaw)
    {
        var (_, url) = await CreateAsync();
        Action<HttpRequestMessage>? sign = flaw switch
        {
            "unsigned" => null,
            "wrong key" => SignedAt("veo_task_1", Clock.GetUtcNow(), "another-key"),
            "stale" => SignedAt("veo_task_1", Clock.GetUtcNow().AddMinutes(-6)),
            _ => SignedAt("veo_task_2", Clock.GetUtcNow()),
        };

        var answer = await CallBackAsync(url, KieRecords.VeoCallback("veo_task_1"), sign);

        await answer.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Empty(Kie.CallsTo(RecordInfo));
    }
}
