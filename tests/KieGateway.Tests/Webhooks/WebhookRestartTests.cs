using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Webhooks;

/// <summary>The outbox outlives the process: a new host on the same store delivers what the old one could not.</summary>
public sealed class WebhookRestartTests : WebhookTest
{
    [Fact]
    public async Task AnEventUndeliveredWhenTheHostStopsIsDeliveredOnceByTheNextHost()
    {
        Receiver.AnswerAlways(503);
        var id = await FinishVideoAsync(Alice);
        await WaitForHooksAsync(1);
        await EventsWhenAsync(Alice, id, e => e[0]!["attempts"]!.AsArray().Count >= 1);
        await Gateway.DisposeAsync();
        var beforeRestart = Hooks.Count;

        Receiver.AnswerAlways(200);
        await using var restarted = new GatewayFactory(Kie, time: Clock, database: Gateway.DatabasePath);
        var alice = restarted.ClientWithKey(TestClients.AliceKey);
        await WaitForHooksAsync(beforeRestart + 1);
        var delivered = (await EventsWhenAsync(alice, id, e => e[0]!["status"].Str() == "delivered")).Single()!;
        for (var i = 0; i < 10; i++)
        {
            Clock.Advance(TimeSpan.FromHours(1)); // well past every scheduled retry
            await EventsWhenAsync(alice, id, _ => true);
        }

        Assert.Equal(beforeRestart + 1, Hooks.Count);
        Assert.Single(Hooks.Select(h => h.Id).Distinct());
        Assert.Equal(delivered["id"].Str(), Hooks[^1].Id);
        Assert.Equal(ExpectedSignature(TestClients.AliceWebhookSecret, Hooks[^1].Id!, Hooks[^1].Timestamp!, Hooks[^1].Body), Hooks[^1].Signature);
    }

    [Fact]
    public async Task AJobRunningWhenTheHostDiesIsFinishedByTheNextHostAndItsWebhookSentOnce()
    {
        var created = await Alice.PostVideoAsync(new { prompt = "a fox", callbackUrl = Receiver.HookUrl });
        var id = (await created.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        await Gateway.DisposeAsync(); // killed mid-job: Kie has not finished yet
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted("veo_task_1", "https://cdn.example/v.mp4"));

        var settings = new Dictionary<string, string?> { ["Jobs:BackgroundRefresh"] = "true" };
        await using var restarted = new GatewayFactory(Kie, settings, Clock, Gateway.DatabasePath);
        _ = restarted.Server; // no client request: the new host resumes the job by itself
        await WaitForHooksAsync(1);
        var alice = restarted.ClientWithKey(TestClients.AliceKey);
        // The clock stands still until the delivery is recorded: a fake hour passing mid-request would time it out.
        var delivered = (await EventsWhenAsync(alice, id, e => e.Count == 1 && e[0]!["status"].Str() == "delivered")).Single()!;
        for (var i = 0; i < 6; i++)
        {
            Clock.Advance(TimeSpan.FromHours(2)); // past every retry the schedule could still make
            await EventsWhenAsync(alice, id, _ => true); // a round trip through the host between steps
        }

        Assert.Single(Hooks);
        Assert.Equal(delivered["id"].Str(), Hooks[0].Id);
        Assert.Contains("\"status\":\"completed\"", Hooks[0].Body);
    }
}
