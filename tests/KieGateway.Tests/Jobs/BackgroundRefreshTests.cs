using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Jobs;

/// <summary>The gateway follows every job to its end by itself, within Kie's status-read limit.</summary>
public sealed class BackgroundRefreshTests : GatewayTest
{
    private const string RecordInfo = "/api/v1/veo/record-info";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:BackgroundRefresh"] = "true",
        ["Jobs:Deadline"] = "00:10:00",
        // Real HTTP under a fast-moving fake clock: no read may time out on the fake clock mid-request.
        ["Kie:Timeout"] = "00:05:00",
        ["Jobs:ReadRefreshBudget"] = "00:05:00",
        // Fifty jobs are created at one instant, so that they fall due together; create pacing is AccountLimitTests'.
        ["Kie:CreateLimit"] = "1000",
    };

    private async Task<string> CreateAsync() =>
        (await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();

    private static object Completed(string taskId) =>
        KieRecords.VeoCompleted(taskId, $"https://cdn.example/{taskId}.mp4");

    [Fact]
    public async Task AJobCompletesWithoutAnyClientAsking()
    {
        var id = await CreateAsync();
        Kie.SetRecord("veo_task_1", Completed("veo_task_1"));

        await AdvanceUntilAsync(() => Kie.CallsTo(RecordInfo).Count == 1, TimeSpan.FromMilliseconds(500));
        var video = await WaitForStatusAsync(id, "completed");

        Assert.Equal(["https://cdn.example/veo_task_1.mp4"], video["videoUrls"].Strings());
        Assert.Single(Kie.CallsTo(RecordInfo)); // the client's reads were answered from the store
    }

    [Fact]
    public async Task FiftyPendingJobsAreReadWithinTenStatusReadsASecond()
    {
        for (var i = 0; i < 50; i++)
        {
            await CreateAsync();
        }

        // All 50 fall due together; they are read ten per second of the gateway's clock, one in each tenth of it: not ten
        // at the top of the second, whose work at once held a small machine's cores from requests. The clock moves in
        // small steps; at every step no more reads have started than one per tenth of a second since they fell due.
        Assert.Empty(Kie.CallsTo(RecordInfo));
        Clock.Advance(TimeSpan.FromSeconds(5));
        var dueAt = Clock.GetUtcNow();
        await AdvanceUntilAsync(() =>
        {
            var allowed = 1 + (int)((Clock.GetUtcNow() - dueAt) / TimeSpan.FromMilliseconds(100));
            var reads = Kie.CallsTo(RecordInfo).Count;
            Assert.True(reads <= allowed, $"{reads} reads {Clock.GetUtcNow() - dueAt} after the jobs fell due");
            return reads >= 50;
        }, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30));

        // About five seconds, plus the steps the test's clock took while passes were ending (more on a busy machine): well
        // under the fifty that one read a second would take.
        Assert.True(Clock.GetUtcNow() - dueAt < TimeSpan.FromSeconds(20), $"50 reads took {Clock.GetUtcNow() - dueAt}");
        Assert.Equal(50, Kie.CallsTo(RecordInfo).Select(c => c.Query).Distinct().Count()); // every job got its turn
    }

    [Fact]
    public async Task PollingSlowsDownAsAJobAges()
    {
        await CreateAsync();
        var start = Clock.GetUtcNow();
        var seenAt = new List<TimeSpan>();
        await AdvanceUntilAsync(() =>
        {
            if (Kie.CallsTo(RecordInfo).Count > seenAt.Count)
            {
                seenAt.Add(Clock.GetUtcNow() - start);
            }

            return Clock.GetUtcNow() - start > TimeSpan.FromMinutes(4);
        }, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60));

        var gaps = seenAt.Zip(seenAt.Skip(1), (a, b) => b - a).ToList();
        // The clock moves in half-second steps while reads are under way, so gaps are read with some slack.
        Assert.True(gaps.First() <= TimeSpan.FromSeconds(9), $"early gap {gaps.First()}");
        Assert.True(gaps.Last() >= TimeSpan.FromSeconds(20), $"late gap {gaps.Last()}");
        Assert.True(gaps.Last() >= gaps.First() * 2, $"gaps {string.Join(", ", gaps)}");
    }

    [Fact]
    public async Task AJobThatKieNoLongerKnowsFailsWithACode()
    {
        var id = await CreateAsync();
        Kie.Script(RecordInfo, Enumerable.Repeat(FakeAnswer.Envelope(200, 422, "record is null"), 100).ToArray());

        // Kie may not have stored a young task yet: only a job Kie keeps not knowing for minutes is lost.
        await AdvanceUntilAsync(() => Kie.CallsTo(RecordInfo).Count == 3, TimeSpan.FromMilliseconds(500));
        Assert.Equal("queued", (await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK))["status"].Str());
        await AdvanceUntilAsync(() => Clock.GetUtcNow() > new DateTimeOffset(2026, 11, 25, 13, 2, 30, TimeSpan.Zero),
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var video = await AdvanceUntilStatusAsync(id, "failed", TimeSpan.FromSeconds(1));

        Assert.Equal("upstream_task_lost", video["error"]!["code"].Str());
    }

    [Fact]
    public async Task AJobKieFinishedWhileNobodyLookedIsCompletedEvenPastTheDeadline()
    {
        var id = await CreateAsync();
        await Gateway.DisposeAsync(); // nobody looks for longer than the deadline
        Clock.Advance(TimeSpan.FromMinutes(15));
        Kie.SetRecord("veo_task_1", Completed("veo_task_1"));

        await using var restarted = new GatewayFactory(Kie, Settings, Clock, Gateway.DatabasePath);
        _ = restarted.Server;
        await AdvanceUntilAsync(() => Kie.CallsTo(RecordInfo).Count >= 1, TimeSpan.FromMilliseconds(500));
        // Kie's answer is written when the read ends, a moment after Kie saw it.
        var video = await WaitForStatusAsync(id, "completed", restarted.ClientWithKey(TestClients.AliceKey));

        Assert.Equal(["https://cdn.example/veo_task_1.mp4"], video["videoUrls"].Strings());
    }

    [Fact]
    public async Task AJobPastTheDeadlineFailsAsTimedOut()
    {
        var id = await CreateAsync();

        await AdvanceUntilAsync(() => Clock.GetUtcNow() - new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero) > TimeSpan.FromMinutes(11),
            TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
        // The job's last read before the deadline may have set its next one up to 30 s later: the clock keeps moving.
        var video = await AdvanceUntilStatusAsync(id, "failed", TimeSpan.FromSeconds(5));

        Assert.Equal("timed_out", video["error"]!["code"].Str());
        Assert.True(Clock.GetUtcNow() - new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero) < TimeSpan.FromMinutes(12));
    }

    [Fact]
    public async Task AWaitingReadReturnsAsSoonAsTheVideoEnds()
    {
        var id = await CreateAsync();
        var waiting = Alice.GetAsync($"/videos/{id}?wait=30");
        Kie.SetRecord("veo_task_1", Completed("veo_task_1"));

        await AdvanceUntilAsync(() => waiting.IsCompleted, TimeSpan.FromMilliseconds(500));
        var video = await (await waiting).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("completed", video["status"].Str());
        Assert.True(Clock.GetUtcNow() - new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero) < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AWaitingReadEndsWithTheWaitWhenTheVideoIsStillRunning()
    {
        var id = await CreateAsync();

        var waiting = Alice.GetAsync($"/videos/{id}?wait=3");
        await AdvanceUntilAsync(() => waiting.IsCompleted, TimeSpan.FromMilliseconds(500));
        var video = await (await waiting).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Contains(video["status"].Str(), new[] { "queued", "in_progress" });
    }

    [Theory]
    [InlineData("61")]
    [InlineData("-1")]
    [InlineData("soon")]
    public async Task AWaitOutOfRangeIsAValidationProblem(string wait)
    {
        var id = await CreateAsync();

        var response = await Alice.GetAsync($"/videos/{id}?wait={wait}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AJobOutlivesTheGatewayAndTheNextOneFinishesIt()
    {
        var id = await CreateAsync();
        await Gateway.DisposeAsync(); // the process dies mid-job
        Kie.SetRecord("veo_task_1", Completed("veo_task_1"));

        await using var restarted = new GatewayFactory(Kie, Settings, Clock, Gateway.DatabasePath);
        var client = restarted.ClientWithKey(TestClients.AliceKey);
        _ = restarted.Server; // start the host: no client request is needed for the job to go on
        await AdvanceUntilAsync(() => Kie.CallsTo(RecordInfo).Count >= 1, TimeSpan.FromMilliseconds(500));
        var video = await WaitForStatusAsync(id, "completed", client);

        Assert.Equal("completed", video["status"].Str());
    }

}
