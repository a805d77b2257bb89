using System.Net;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Videos;

/// <summary>Reading a video asks Kie at most once per poll interval, and never once the video is done.</summary>
public sealed class RefreshTests : GatewayTest
{
    private const string RecordInfo = "/api/v1/veo/record-info";

    [Fact]
    public async Task ReadsWithinThePollIntervalAnswerFromTheStore()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();

        await Alice.GetAsync($"/videos/{id}");
        Clock.Advance(TimeSpan.FromSeconds(4));
        await Alice.GetAsync($"/videos/{id}");
        Assert.Empty(Kie.CallsTo(RecordInfo)); // created 4 s ago: still fresh

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Alice.GetAsync($"/videos/{id}");
        await Alice.GetAsync($"/videos/{id}");
        Assert.Single(Kie.CallsTo(RecordInfo));
    }

    [Fact]
    public async Task ATerminalVideoNeverCallsKieAgain()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        var completed = await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", completed["status"].Str());

        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(10));
            await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        }

        Assert.Single(Kie.CallsTo(RecordInfo));
    }

    [Fact]
    public async Task AFailedRefreshAnswersTheStoredVideo()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Kie.Script(RecordInfo, FakeAnswer.Envelope(200, 401, "Unauthorized"));
        Clock.Advance(TimeSpan.FromSeconds(5));

        var video = await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("queued", video["status"].Str());
    }

    [Fact]
    public async Task TheVideoIsPersistedAndOutlivesTheGatewayProcess()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "persisted", metadata = new { order = "7" } })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();

        await using var restarted = new GatewayFactory(Kie, time: Clock, database: Gateway.DatabasePath);
        var video = await (await restarted.ClientWithKey(TestClients.AliceKey).GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("persisted", video["prompt"].Str());
        Assert.Equal("7", video["metadata"]!["order"].Str());
    }

    [Fact]
    public async Task ManyClientsReadingAtOnceMakeOneKieCall()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Clock.Advance(TimeSpan.FromSeconds(5));

        var reads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Alice.GetAsync($"/videos/{id}")));

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(Kie.CallsTo(RecordInfo));
    }

    [Fact]
    public async Task AVideoWhoseCreateDiedMidCallEndsAsOutcomeUnknown()
    {
        // What a crash between storing the row and hearing from Kie leaves behind: a row without a task id.
        await StoreAsync(db => db.Videos.Add(VideoRow("vid_0123456789abcdef0123456789abcdef")));

        Clock.Advance(TimeSpan.FromSeconds(10));
        var early = await (await Alice.GetAsync("/videos/vid_0123456789abcdef0123456789abcdef")).AssertJsonAsync(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await (await Alice.GetAsync("/videos/vid_0123456789abcdef0123456789abcdef")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("queued", early["status"].Str());
        Assert.Equal("failed", late["status"].Str());
        Assert.Equal("upstream_outcome_unknown", late["error"]!["code"].Str());
        Assert.Empty(Kie.Calls);
    }
}

/// <summary>A Kie that does not answer costs a client's read at most Jobs:ReadRefreshBudget.</summary>
public sealed class SlowKieReadTests : GatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Kie:Timeout"] = "00:01:00", // longer than the read budget, so the budget is what ends the wait
    };

    [Fact]
    public async Task AReadThatKieDoesNotAnswerGetsTheStoredVideoAfterTheBudget()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Kie.Script("/api/v1/veo/record-info", new FakeAnswer(Hang: true));
        Clock.Advance(TimeSpan.FromSeconds(5));

        var pending = Alice.GetAsync($"/videos/{id}");
        await Kie.WaitForCallsAsync("/api/v1/veo/record-info", 1);
        Clock.Advance(TimeSpan.FromSeconds(11)); // past Jobs:ReadRefreshBudget (10 s)
        var video = await (await pending).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("queued", video["status"].Str());
    }
}
