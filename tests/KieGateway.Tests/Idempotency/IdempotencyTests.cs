using System.Net;
using System.Text;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Idempotency;

/// <summary>A client that retries a create with its Idempotency-Key never pays twice.</summary>
public sealed class IdempotencyTests : GatewayTest
{
    private const string Generate = "/api/v1/veo/generate";

    private Task<HttpResponseMessage> PostAsync(string key, string body, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/videos") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return (client ?? Alice).SendAsync(request);
    }

    [Fact]
    public async Task TheSameKeyAndBodyReplayTheFirstAnswerWithoutASecondKieTask()
    {
        var first = await PostAsync("k-1", """{"prompt":"p","metadata":{"a":"1","b":"2"}}""");
        var again = await PostAsync("k-1", """{ "metadata": {"b":"2", "a":"1"}, "prompt": "p" }""");

        var one = await first.AssertJsonAsync(HttpStatusCode.Accepted);
        var two = await again.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(one["id"].Str(), two["id"].Str());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Single(Kie.CallsTo(Generate));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIsRefused()
    {
        await PostAsync("k-2", """{"prompt":"first"}""");

        var response = await PostAsync("k-2", """{"prompt":"second"}""");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Single(Kie.CallsTo(Generate));
    }

    [Fact]
    public async Task AKeyStillInFlightAnswersConflict()
    {
        Kie.Script(Generate, new FakeAnswer(Hang: true));
        var first = PostAsync("k-3", """{"prompt":"p"}""");
        await Kie.WaitForCallsAsync(Generate, 1);

        var second = await PostAsync("k-3", """{"prompt":"p"}""");

        await second.AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        Clock.Advance(TimeSpan.FromSeconds(3)); // let the first one time out
        await (await first).AssertProblemAsync(HttpStatusCode.GatewayTimeout, "upstream_timeout");
        Assert.Single(Kie.CallsTo(Generate));
    }

    [Fact]
    public async Task ConcurrentRequestsWithOneKeyMakeOneKieTask()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync("k-4", """{"prompt":"p"}""")));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        Assert.Single(Kie.CallsTo(Generate));
        var ids = new List<string>();
        foreach (var accepted in responses.Where(r => r.StatusCode == HttpStatusCode.Accepted))
        {
            ids.Add((await accepted.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str());
        }

        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task KeysAreScopedToTheClient()
    {
        var bob = Gateway.ClientWithKey(TestClients.BobKey);

        var alices = await (await PostAsync("shared", """{"prompt":"p"}""")).AssertJsonAsync(HttpStatusCode.Accepted);
        var bobs = await (await PostAsync("shared", """{"prompt":"p"}""", bob)).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.NotEqual(alices["id"].Str(), bobs["id"].Str());
        Assert.Equal(2, Kie.CallsTo(Generate).Count);
    }

    [Fact]
    public async Task ADefiniteRefusalFreesTheKeyForARetry()
    {
        Kie.Script(Generate, FakeAnswer.Envelope(200, 402, "Credits insufficient"));

        await (await PostAsync("k-5", """{"prompt":"p"}""")).AssertProblemAsync(HttpStatusCode.PaymentRequired, "insufficient_credits");
        var retry = await PostAsync("k-5", """{"prompt":"p"}""");

        await retry.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, Kie.CallsTo(Generate).Count); // the first created nothing
    }

    [Fact]
    public async Task AnUnknownOutcomeIsReplayedAndNeverResubmitted()
    {
        Kie.Script(Generate, new FakeAnswer(Drop: true));

        var first = await PostAsync("k-6", """{"prompt":"p"}""");
        var retry = await PostAsync("k-6", """{"prompt":"p"}""");

        await first.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");
        var replayed = await retry.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_error");
        Assert.Contains("upstream_outcome_unknown", replayed["detail"].Str());
        Assert.Single(Kie.CallsTo(Generate));
    }

    [Fact]
    public async Task AKeyLeftByACrashBeforeKieAnsweredNeverMakesASecondTask()
    {
        // What a crash between writing the key (and the video row) and hearing from Kie leaves behind.
        const string videoId = "vid_0123456789abcdef0123456789abcdef";
        await StoreAsync(db =>
        {
            db.Videos.Add(VideoRow(videoId));
            db.IdempotencyKeys.Add(new KieGateway.Idempotency.IdempotencyRecord
            {
                ClientId = "alice", Key = "k-7", VideoId = videoId, CreatedAt = Clock.GetUtcNow(), ExpiresAt = Clock.GetUtcNow().AddDays(1),
                RequestHash = KieGateway.Idempotency.RequestFingerprint.Of(new KieGateway.Videos.CreateVideoRequest { Prompt = "p" }),
            });
        });

        var early = await PostAsync("k-7", """{"prompt":"p"}""");
        Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await PostAsync("k-7", """{"prompt":"p"}""");

        await early.AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        var video = await late.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(videoId, video["id"].Str());
        Assert.Equal("upstream_outcome_unknown", video["error"]!["code"].Str());
        Assert.Empty(Kie.CallsTo(Generate));
    }

    [Fact]
    public async Task KeysAreKeptForADayAndThenForgotten()
    {
        await PostAsync("k-8", """{"prompt":"p"}""");
        Clock.Advance(TimeSpan.FromHours(23));
        await (await PostAsync("k-8", """{"prompt":"p"}""")).AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Single(Kie.CallsTo(Generate));

        Clock.Advance(TimeSpan.FromHours(2));
        await (await PostAsync("k-8", """{"prompt":"p"}""")).AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, Kie.CallsTo(Generate).Count);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("é")]
    public async Task AMalformedKeyIsAValidationProblem(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/videos") { Content = new StringContent("""{"prompt":"p"}""", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await Alice.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Empty(Kie.Calls);
    }

    [Fact]
    public async Task AKeyLongerThan255CharactersIsAValidationProblem()
    {
        var response = await PostAsync(new string('k', 256), """{"prompt":"p"}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}

public sealed class IdempotencyRetentionTests : GatewayTest
{
    [Fact]
    public async Task ExpiredKeysAreRemovedFromTheStore()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/videos") { Content = new StringContent("""{"prompt":"p"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "old");
        await (await Alice.SendAsync(request)).AssertJsonAsync(HttpStatusCode.Accepted);

        int Remaining()
        {
            using var scope = Gateway.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<KieGateway.Storage.GatewayDbContext>().IdempotencyKeys.Count();
        }

        Assert.Equal(1, Remaining());
        await AdvanceUntilAsync(() => Remaining() == 0, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(20));
        Assert.True(Clock.GetUtcNow() >= new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero), "kept at least 24 hours");
    }
}
