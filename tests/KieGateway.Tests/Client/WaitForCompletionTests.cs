using KieGateway.Client;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Client;

/// <summary>The typed client waits for a video's end with the gateway's <c>?wait=</c>, and by polling where that is not honoured.</summary>
public sealed class WaitForCompletionTests : GatewayTest
{
    // Small steps: the gateway's clock must not run past a held read's end while the refresher is still at work.
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:BackgroundRefresh"] = "true",
        // Real HTTP under a fast-moving fake clock: no read may time out on the fake clock mid-request.
        ["Kie:Timeout"] = "00:05:00",
        ["Jobs:ReadRefreshBudget"] = "00:05:00",
    };

    private List<SentRequest> Reads(ClientHost host) => host.Sent.Where(s => s.Method == HttpMethod.Get).ToList();

    [Fact]
    public async Task AVideoThatCompletesIsAnsweredByOneHeldRead()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var video = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "p" });
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted());

        var waiting = host.Client.WaitForCompletionAsync(video.Id);
        await AdvanceUntilAsync(() => waiting.IsCompleted, Step);
        var done = await waiting;

        Assert.Equal(VideoStatus.Completed, done.Status);
        Assert.Equal(["https://cdn.example/v.mp4"], done.VideoUrls);
        Assert.Equal("?wait=30", Reads(host).Single().Uri.Query);
    }

    [Fact]
    public async Task AFailedVideoEndsTheWaitWithItsError()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var video = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "p" });
        Kie.SetRecord("veo_task_1", new { taskId = "veo_task_1", successFlag = 2, errorCode = 400, errorMessage = "flagged" });

        var waiting = host.Client.WaitForCompletionAsync(video.Id);
        await AdvanceUntilAsync(() => waiting.IsCompleted, Step);
        var done = await waiting;

        Assert.Equal(VideoStatus.Failed, done.Status);
        Assert.False(string.IsNullOrEmpty(done.Error?.Code));
    }

    [Fact]
    public async Task WhereTheWaitIsNotHonouredTheClientPollsNoMoreOftenThanItsPollInterval()
    {
        using var host = ClientHost.Start(Gateway, Clock, options: o => o.PollInterval = TimeSpan.FromSeconds(2),
            pipeline: builder => builder.AddHttpMessageHandler(() => new DropTheWait()));
        var video = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "p" });
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted());

        var waiting = host.Client.WaitForCompletionAsync(video.Id);
        await AdvanceUntilAsync(() => waiting.IsCompleted, Step);

        Assert.Equal(VideoStatus.Completed, (await waiting).Status);
        var reads = Reads(host);
        Assert.True(reads.Count >= 2, "the first answer came back early and was not the end");
        // The clock may move a step between the client's own reading of it and the recorder's.
        Assert.All(reads.Zip(reads.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromSeconds(2) - Step,
            $"reads at {string.Join(", ", reads.Select(r => r.At.TimeOfDay))}"));
    }

    [Fact]
    public async Task AVideoThatDoesNotEndInTimeIsATimeoutOnTheClientsClockAfterAskingOnlyForTheTimeLeft()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var video = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "p" });
        var start = Clock.GetUtcNow();

        var waiting = host.Client.WaitForCompletionAsync(video.Id, timeout: TimeSpan.FromSeconds(10));
        await AdvanceUntilAsync(() => waiting.IsCompleted, Step);

        await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        Assert.True(Clock.GetUtcNow() - start >= TimeSpan.FromSeconds(10));
        Assert.Equal("?wait=10", Reads(host).Single().Uri.Query); // not the 30 s LongPollWait
    }

    [Fact]
    public async Task CancellingEndsAWaitThatTheGatewayIsHolding()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var video = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "p" });
        using var cancel = new CancellationTokenSource();

        var waiting = host.Client.WaitForCompletionAsync(video.Id, ct: cancel.Token);
        await AdvanceUntilAsync(() => Reads(host).Count == 1, TimeSpan.Zero);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>A gateway (or proxy) that ignores <c>?wait=</c> and answers at once.</summary>
    private sealed class DropTheWait : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Query = "" }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
