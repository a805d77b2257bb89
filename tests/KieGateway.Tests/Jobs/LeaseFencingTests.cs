using System.Net;
using KieGateway.Tests.Infrastructure;
using KieGateway.Tests.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace KieGateway.Tests.Jobs;

/// <summary>A read that outlives its lease (a stalled replica, a clock behind the others') writes nothing.</summary>
public sealed class LeaseFencingTests : ReplicaTest
{
    protected override bool BackgroundRefresh => false; // reads only when a client asks

    [Fact]
    public async Task AReadThatOutlivedItsLeaseDoesNotOverwriteTheReplicaThatTookTheJobOver()
    {
        var id = await CreateWithCallbackAsync();
        Clock.Advance(TimeSpan.FromSeconds(5));
        // B's clock is three minutes ahead: by its time, A's lease (2 min 5 s) has run out while A is still reading.
        await using var b = Replica("B", clock: new FakeTimeProvider(Clock.GetUtcNow() + TimeSpan.FromMinutes(3)));
        var answerToA = Kie.HoldNext(RecordInfo);
        var readOnA = Alice.GetAsync($"/videos/{id}");
        await Kie.WaitForCallsAsync(RecordInfo, 1);
        var answerToB = Kie.HoldNext(RecordInfo);
        var readOnB = b.ClientWithKey(TestClients.AliceKey).GetAsync($"/videos/{id}");
        await Kie.WaitForCallsAsync(RecordInfo, 2);
        var leaseOfB = (await RowAsync(b, id)).LeasedUntil;

        answerToA.SetResult(FakeAnswer.Envelope(200, 200, "success", KieRecords.VeoGenerating("veo_task_1")));
        var seenByA = await (await readOnA).AssertJsonAsync(HttpStatusCode.OK);
        var afterA = await RowAsync(b, id);
        // Kie answers B before anything is asserted: a read left hanging would hold up the hosts' shutdown.
        answerToB.SetResult(FakeAnswer.Envelope(200, 200, "success", KieRecords.VeoCompleted("veo_task_1")));
        var seenByB = await (await readOnB).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("queued", seenByA["status"].Str()); // the stored state: A's answer was not written
        Assert.Equal(leaseOfB, afterA.LeasedUntil); // B still held the job
        Assert.Null(afterA.LastPolledAt);
        Assert.Equal("completed", seenByB["status"].Str());
        Assert.Null((await RowAsync(b, id)).LeasedUntil);
        Assert.Equal(["A", "B"], Kie.CallsTo(RecordInfo).Select(c => c.Replica));
    }
}
