using System.Net;
using KieGateway.Storage;
using KieGateway.Videos;
using KieGateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Webhooks;

/// <summary>A replica that stops hands its work back at once; one that crashes keeps it only until its leases run out.</summary>
public sealed class ReplicaTakeoverTests : ReplicaTest
{
    [Fact]
    public async Task AReplicaStoppedMidReadHandsItsJobBackAndAnotherFinishesItAtOnce()
    {
        // The other replica reads only when asked, so that the test sees the job as the stopped one left it.
        await using var other = Replica("B", new Dictionary<string, string?>(Settings) { ["Jobs:BackgroundRefresh"] = "false" });
        var id = await CreateWithCallbackAsync();
        Kie.Script(RecordInfo, new FakeAnswer(Hang: true)); // the first read never answers
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));

        Clock.Advance(TimeSpan.FromSeconds(5));
        await Kie.WaitForCallsAsync(RecordInfo, 1); // replica A holds the lease, mid-read
        await Gateway.DisposeAsync(); // stopped as SIGTERM stops it: the host shuts down its background work

        var row = await RowAsync(other, id);
        Assert.Null(row.LeasedUntil);
        Assert.True(row.NextPollAt <= Clock.GetUtcNow(), $"due again at {row.NextPollAt}");

        // With the clock still, the other replica's read finds the job due and asks Kie.
        var video = await (await other.ClientWithKey(TestClients.AliceKey).GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", video["status"].Str());
        Assert.Equal(["A", "B"], Kie.CallsTo(RecordInfo).Select(c => c.Replica));
        await AdvanceUntilAsync(() => Hooks.Count == 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AJobLeasedByAReplicaThatCrashedMidReadIsReadByAnotherOnlyWhenTheLeaseRunsOut()
    {
        var id = await CreateWithCallbackAsync();
        Kie.Script(RecordInfo, new FakeAnswer(Hang: true)); // A's read never answers
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        await Kie.WaitForCallsAsync(RecordInfo, 1);
        var leasedUntil = (await RowAsync(Gateway, id)).LeasedUntil;
        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5), leasedUntil); // Jobs:ReadRefreshBudget + 5 s

        StoreOfA.Crash(); // killed: nothing A does on its way out reaches the store
        await Gateway.DisposeAsync();
        await using var b = Replica("B");
        _ = b.Server;
        await AdvanceUntilAsync(() => Hooks.Count == 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        var row = await RowAsync(b, id);
        Assert.Equal(VideoStatus.Completed, row.Status);
        Assert.True(row.LastPolledAt >= leasedUntil, $"B took the job at {row.LastPolledAt}, A's lease ran until {leasedUntil}");
        Assert.Equal(["A", "B"], Kie.CallsTo(RecordInfo).Select(c => c.Replica));
        Assert.Equal("B", Hooks.Single().Replica);
    }

    [Fact]
    public async Task AWebhookClaimedByAReplicaThatCrashedIsSentByAnotherWhenTheClaimRunsOutAndDeliveredOnce()
    {
        var id = await CreateWithCallbackAsync();
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));
        Receiver.Script(WebhookReceiver.Hang); // A's delivery never gets an answer
        await AdvanceUntilAsync(() => Hooks.Count == 1, TimeSpan.FromSeconds(1));
        DateTimeOffset? claimedUntil;
        using (var scope = Gateway.Services.CreateScope())
        {
            var stored = scope.ServiceProvider.GetRequiredService<GatewayDbContext>().WebhookEvents.AsNoTracking();
            claimedUntil = (await stored.SingleAsync(e => e.VideoId == id)).NextAttemptAt;
        }

        StoreOfA.Crash();
        await Gateway.DisposeAsync();
        await using var b = Replica("B");
        _ = b.Server;
        await AdvanceUntilAsync(() => Hooks.Count == 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        // The clock stands still until B has recorded its delivery: time passing mid-request would time it out.
        var viewOfB = b.ClientWithKey(TestClients.AliceKey);
        var events = await EventsWhenAsync(viewOfB, id, e => e[0]!["status"].Str() == "delivered");
        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(10)); // time for a third send to show
            await EventsWhenAsync(viewOfB, id, _ => true);
        }

        Assert.Equal(["A", "B"], Hooks.Select(h => h.Replica));
        Assert.True(Hooks[1].At >= claimedUntil, $"B sent at {Hooks[1].At}, A's claim ran until {claimedUntil}");
        Assert.Equal(Hooks[0].Id, Hooks[1].Id); // one event, one webhook-id
        Assert.Single(Hooks, h => h.AnsweredWith == 200);
        Assert.Single(events[0]!["attempts"]!.AsArray()); // A's attempt died with A, unrecorded
    }
}
