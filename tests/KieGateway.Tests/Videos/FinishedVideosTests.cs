using System.Net;
using KieGateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KieGateway.Tests.Videos;

/// <summary>A finished video never changes, so its reads are answered from memory, for its owner only.</summary>
public sealed class FinishedVideosTests : GatewayTest
{
    [Fact]
    public async Task ACompletedVideoReadTwiceGivesTheSameBodyAndTheSecondReadDoesNotTouchTheStore()
    {
        var id = await CompletedVideoAsync();
        var first = await (await Alice.GetAsync($"/videos/{id}")).Content.ReadAsStringAsync(); // from the store, then kept

        await StoreAsync(db => db.Videos.Where(v => v.Id == id).ExecuteDeleteAsync()); // behind the gateway's back
        var second = await Alice.GetAsync($"/videos/{id}");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first, await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnotherClientGetsTheSameAnswerWithTheVideoKeptAsWithout()
    {
        var bob = Gateway.ClientWithKey(TestClients.BobKey);
        var id = await CompletedVideoAsync();
        var before = await (await bob.GetAsync($"/videos/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK); // kept now
        var after = await (await bob.GetAsync($"/videos/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        before.Remove("traceId"); // each answer's own
        after.Remove("traceId");
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task AVideoNotFinishedIsNeverKeptItsStatusMovesOn()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Assert.Equal("queued", (await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK))["status"].Str());

        Kie.SetRecords("veo_task_1", KieRecords.VeoGenerating("veo_task_1"), KieRecords.VeoCompleted("veo_task_1"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("in_progress", (await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK))["status"].Str());
        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("completed", (await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK))["status"].Str());
    }

    /// <summary>Alice's video, completed by a read that refreshed it from Kie (a read that ends a video keeps nothing).</summary>
    private async Task<string> CompletedVideoAsync()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("completed", (await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK))["status"].Str());
        return id;
    }
}
