using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Webhooks;

/// <summary>Three gateways on one store: every job is read once per due time and every event sent once.</summary>
public sealed class ReplicaTests : WebhookTest
{
    private const int Jobs = 100;

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
    public async Task AReplicaThatDiesMidReadHasItsJobFinishedByAnotherAfterTheLease()
    {
        // Timeout settings of this class are long, so the dead replica's lease (ReadRefreshBudget + 5 s) is 2 min 5 s.
        await using var other = new GatewayFactory(Kie, Settings, Clock, Gateway.DatabasePath);
        var created = await Alice.PostVideoAsync(new { prompt = "p", callbackUrl = Receiver.HookUrl });
        var id = (await created.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Kie.Script("/api/v1/veo/record-info", new FakeAnswer(Hang: true)); // the first read never answers
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));

        Clock.Advance(TimeSpan.FromSeconds(5));
        await Kie.WaitForCallsAsync("/api/v1/veo/record-info", 1); // the first replica holds the lease, mid-read
        var leaseTaken = Clock.GetUtcNow();
        await Gateway.DisposeAsync(); // and dies
        _ = other.Server; // the second replica starts only now, so the lease it meets is the dead one's
        await AdvanceUntilAsync(() => Hooks.Count == 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        var video = await (await other.ClientWithKey(TestClients.AliceKey).GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", video["status"].Str());
        Assert.Single(Hooks);
        Assert.True(Clock.GetUtcNow() - leaseTaken >= TimeSpan.FromMinutes(2), "the dead replica's lease was waited out");
    }
}
