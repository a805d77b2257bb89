using System.Net;
using KieGateway.Client;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Client;

/// <summary>The typed client creates videos through the running gateway, and its errors carry the gateway's code.</summary>
public sealed class CreateVideoClientTests : GatewayTest
{
    private const string Generate = "/api/v1/veo/generate";

    [Fact]
    public async Task ACreateAnswersTheQueuedVideoAsTheClientsOwnRecord()
    {
        using var host = ClientHost.Start(Gateway, Clock);

        var video = await host.Client.CreateVideoAsync(new CreateVideoRequest
        {
            Prompt = "A red fox", AspectRatio = "9:16", Metadata = new Dictionary<string, string> { ["order"] = "42" },
        });

        Assert.StartsWith("vid_", video.Id);
        Assert.Equal(("veo-3.1-fast", VideoStatus.Queued, "A red fox", "9:16", 8), (video.Model, video.Status, video.Prompt, video.AspectRatio, video.DurationSeconds));
        Assert.Equal("42", video.Metadata["order"]);
        Assert.Empty(video.VideoUrls);
        Assert.Null(video.Error);
        Assert.Equal(Clock.GetUtcNow(), video.CreatedAt);
        var read = await host.Client.GetVideoAsync(video.Id);
        Assert.Equal((video.Id, video.Status, video.CreatedAt), (read.Id, read.Status, read.CreatedAt));
    }

    [Fact]
    public async Task ACreateWhoseAnswerIsLostIsRetriedWithTheSameGeneratedKeyAndMakesOneVideo()
    {
        using var host = ClientHost.Start(Gateway, Clock, pipeline: builder =>
        {
            builder.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.Zero);
            builder.AddHttpMessageHandler(() => new LoseTheFirstAnswer());
        });

        var video = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "A red fox" });

        var attempts = host.Sent.Where(s => s.Method == HttpMethod.Post).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.False(string.IsNullOrEmpty(attempts[0].IdempotencyKey));
        Assert.Equal(attempts[0].IdempotencyKey, attempts[1].IdempotencyKey);
        Assert.Single(Kie.CallsTo(Generate)); // one Kie task, paid once
        Assert.Equal([video.Id], await host.Client.ListVideosAsync().Select(v => v.Id).ToListAsync());
    }

    [Fact]
    public async Task ACallersOwnIdempotencyKeyMakesASecondCreateReplayTheFirst()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var request = new CreateVideoRequest { Prompt = "A red fox" };

        var first = await host.Client.CreateVideoAsync(request, idempotencyKey: "order-42");
        var second = await host.Client.CreateVideoAsync(request, idempotencyKey: "order-42");

        Assert.Equal(first.Id, second.Id);
        Assert.All(host.Sent, s => Assert.Equal("order-42", s.IdempotencyKey));
        Assert.Single(Kie.CallsTo(Generate));
    }

    [Fact]
    public async Task InsufficientCreditsSurfaceAsATypedErrorWithItsCode()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        Kie.Script(Generate, FakeAnswer.Envelope(402, 402, "Credits insufficient"));

        var error = await Assert.ThrowsAsync<KieGatewayException>(() => host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "p" }));

        Assert.Equal(HttpStatusCode.PaymentRequired, error.Status);
        Assert.Equal(KieGatewayErrorCodes.InsufficientCredits, error.Code);
        Assert.False(string.IsNullOrEmpty(error.Title));
        Assert.StartsWith("Credits insufficient", error.Detail);
        Assert.False(string.IsNullOrEmpty(error.TraceId));
        Assert.Contains("insufficient_credits", error.Message);
    }

    [Fact]
    public async Task AnInvalidRequestSurfacesValidationFailedWithTheErrorsOfEachField()
    {
        using var host = ClientHost.Start(Gateway, Clock);

        var error = await Assert.ThrowsAsync<KieGatewayException>(() => host.Client.CreateVideoAsync(
            new CreateVideoRequest { Prompt = "", AspectRatio = "1:1" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(KieGatewayErrorCodes.ValidationFailed, error.Code);
        Assert.Contains("prompt", error.Errors.Keys);
        Assert.Contains("aspectRatio", error.Errors.Keys);
        Assert.All(error.Errors["prompt"], message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.NotEmpty(error.Errors["prompt"]);
        Assert.Empty(Kie.CallsTo(Generate));
    }

    [Fact]
    public async Task ARateLimitCarriesRetryAfter()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        Kie.Script(Generate, new FakeAnswer(429, """{"code":429,"msg":"slow down"}""", RetryAfterSeconds: 7));

        var error = await Assert.ThrowsAsync<KieGatewayException>(() => host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "p" }));

        Assert.Equal(KieGatewayErrorCodes.UpstreamRateLimited, error.Code);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task TheKeyFromTheOptionsIsTheOneSentAndAnUnknownOneIsUnauthorized()
    {
        using var bob = ClientHost.Start(Gateway, Clock, TestClients.BobKey);
        using var stranger = ClientHost.Start(Gateway, Clock, "not-a-key");
        var video = await bob.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "p" });

        var unknown = await Assert.ThrowsAsync<KieGatewayException>(() => stranger.Client.GetVideoAsync(video.Id));
        using var alice = ClientHost.Start(Gateway, Clock);
        var notHers = await Assert.ThrowsAsync<KieGatewayException>(() => alice.Client.GetVideoAsync(video.Id));

        Assert.Equal((HttpStatusCode.Unauthorized, KieGatewayErrorCodes.Unauthorized), (unknown.Status, unknown.Code));
        Assert.Equal((HttpStatusCode.NotFound, KieGatewayErrorCodes.NotFound), (notHers.Status, notHers.Code));
    }

    /// <summary>The gateway answers, but the answer never reaches the client (a dropped connection).</summary>
    private sealed class LoseTheFirstAnswer : DelegatingHandler
    {
        private int _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _calls) > 1)
            {
                return response;
            }

            response.Dispose();
            throw new HttpRequestException("The connection dropped after the gateway answered.");
        }
    }
}
