using System.Net;
using KieGateway.Tests.Infrastructure;
using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Webhooks;

/// <summary>Three gateways on one store: every job is read once per due time and every event sent once.</summary>
public sealed class ReplicaTests : WebhookTest
{
    private const int Jobs = 100;
    private const string RecordInfo = "/api/v1/veo/record-info";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:BackgroundRefresh"] = "true",
        // Real HTTP under a fast-moving fake clock: generous limits, so that no read times out on the fake clock.
        ["Kie:Timeout"] = "00:01:00",
        ["Jobs:ReadRefreshBudget"] = "00:02:00",
        // A hundred jobs are created at one instant; create pacing across replicas is AccountLimitTests'.
        ["Kie:CreateLimit"] = "1000",
    };

    [Fact]
    public async Task ThreeReplicasFinishAHundredJobsReadingEachOnceAndSendingEachWebhookOnce()
    {
        var ids = new List<string>();
        for (var i = 0; i < Jobs; i++)
        {
            var created = await Alice.PostVideoAsync(new { prompt = $"job {i}", callbackUrl = Receiver.HookUrl });
            ids.Add((await created.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str());
        }

        for (var task = 1; task <= Jobs; task++)
        {
            Kie.SetRecord($"veo_task_{task}", KieRecords.VeoCompleted($"veo_task_{task}", $"https://cdn.example/{task}.mp4"));
        }

        await using var second = new GatewayFactory(Kie, Settings, Clock, Gateway.DatabasePath);
        await using var third = new GatewayFactory(Kie, Settings, Clock, Gateway.DatabasePath);
        _ = second.Server;
        _ = third.Server;

        await AdvanceUntilAsync(() => Hooks.Count >= Jobs, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60));
        // The clock stands still until every delivery is recorded: a fake hour passing mid-request would time it out.
        foreach (var id in ids)
        {
            await EventsWhenAsync(Alice, id, e => e.Count == 1 && e[0]!["status"].Str() == "delivered");
        }

        for (var i = 0; i < 5; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(10)); // time for any second read or second delivery to show
            await EventsWhenAsync(Alice, ids[0], _ => true);
        }

        var reads = Kie.CallsTo("/api/v1/veo/record-info");
        Assert.Equal(Jobs, reads.Count);
        Assert.Equal(Jobs, reads.Select(r => r.Query).Distinct().Count());
        Assert.Equal(Jobs, Hooks.Count);
        Assert.Equal(Jobs, Hooks.Select(h => h.Id).Distinct().Count());
        var video = await (await Alice.GetAsync($"/videos/{ids[^1]}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", video["status"].Str());
    }

    [Fact]
    public async Task TheSameIdempotencyKeyOnTwoReplicasAtOnceMakesOneKieTask()
    {
        await using var other = new GatewayFactory(Kie, Settings, Clock, Gateway.DatabasePath);
        var clients = new[] { Alice, other.ClientWithKey(TestClients.AliceKey) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/videos")
            {
                Content = new StringContent("""{"prompt":"once"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", "across-replicas");
            return clients[i % 2].SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Single(Kie.CallsTo("/api/v1/veo/generate"));
    }

    [Fact]
    public async Task AReplicaStoppedMidReadHandsItsJobBackAndAnotherFinishesItAtOnce()
    {
        // The other replica reads only when asked, so that the test sees the job as the stopped one left it.
        var asked = new Dictionary<string, string?>(Settings) { ["Jobs:BackgroundRefresh"] = "false" };
        await using var other = new GatewayFactory(Kie, asked, Clock, Gateway.DatabasePath);
        var id = await CreateWithCallbackAsync();
        Kie.Script(RecordInfo, new FakeAnswer(Hang: true)); // the first read never answers
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));

        Clock.Advance(TimeSpan.FromSeconds(5));
        await Kie.WaitForCallsAsync(RecordInfo, 1); // the first replica holds the lease (2 min 5 s here), mid-read
        await Gateway.DisposeAsync(); // stopped as SIGTERM stops it: the host shuts down its background work

        using (var scope = other.Services.CreateScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Videos.AsNoTracking().SingleAsync(v => v.Id == id);
            Assert.True(row.NextPollAt <= Clock.GetUtcNow(), $"due again at {row.NextPollAt}, not leased");
        }

        // With the clock still, the other replica's read finds the job due and asks Kie.
        var video = await (await other.ClientWithKey(TestClients.AliceKey).GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", video["status"].Str());
        Assert.Equal(2, Kie.CallsTo(RecordInfo).Count);
        await AdvanceUntilAsync(() => Hooks.Count == 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AJobLeasedByAReplicaThatCrashedIsTakenOverWhenTheLeaseRunsOut()
    {
        var id = await CreateWithCallbackAsync();
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));
        var leaseEnds = Clock.GetUtcNow() + TimeSpan.FromMinutes(2);
        // As a replica killed mid-read leaves it: the job leased, and nobody left to hand it back.
        await StoreAsync(async db =>
        {
            var row = await db.Videos.SingleAsync(v => v.Id == id);
            row.NextPollAt = leaseEnds;
            row.LastPolledAt = Clock.GetUtcNow();
        });

        DateTimeOffset? firstRead = null;
        await AdvanceUntilAsync(() =>
        {
            firstRead ??= Kie.CallsTo(RecordInfo).Count > 0 ? Clock.GetUtcNow() : null;
            return Hooks.Count == 1;
        }, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        Assert.True(firstRead >= leaseEnds, $"read at {firstRead}, lease until {leaseEnds}");
        Assert.Single(Kie.CallsTo(RecordInfo));
        var video = await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", video["status"].Str());
    }

    private async Task<string> CreateWithCallbackAsync()
    {
        var created = await Alice.PostVideoAsync(new { prompt = "p", callbackUrl = Receiver.HookUrl });
        return (await created.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
    }
}
