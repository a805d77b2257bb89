using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Webhooks;

/// <summary>GET /videos/{id}/events shows a video's webhooks, every attempt, and what comes next; only to its owner.</summary>
public sealed class WebhookEventsTests : WebhookTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // A short schedule: three attempts in all, two and three seconds apart.
        ["Webhooks:Schedule:0"] = "00:00:02",
        ["Webhooks:Schedule:1"] = "00:00:03",
    };

    [Fact]
    public async Task EventsShowAPendingRetryThenTheDeliveryWithEveryAttempt()
    {
        Receiver.Script(500);
        var id = await FinishVideoAsync(Alice);

        await WaitForHooksAsync(1);
        var pending = (await EventsWhenAsync(Alice, id, e => e.Count == 1 && e[0]!["attempts"]!.AsArray().Count == 1)).Single()!;
        Assert.Equal("pending", pending["status"].Str());
        Assert.Equal(Hooks[0].Id, pending["id"].Str());
        Assert.Equal("video.completed", pending["type"].Str());
        Assert.Equal(Receiver.HookUrl, pending["url"].Str());
        var first = pending["attempts"]![0]!;
        Assert.Equal(1, first["number"]!.GetValue<int>());
        Assert.Equal(500, first["statusCode"]!.GetValue<int>());
        Assert.True(first["durationMs"]!.GetValue<long>() >= 0);
        var attemptedAt = DateTimeOffset.Parse(first["attemptedAt"].Str(), System.Globalization.CultureInfo.InvariantCulture);
        var next = DateTimeOffset.Parse(pending["nextAttemptAt"].Str(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(next - attemptedAt >= TimeSpan.FromSeconds(2), $"next attempt {next - attemptedAt} after the first");

        await WaitForHooksAsync(2);
        var delivered = (await EventsWhenAsync(Alice, id, e => e[0]!["status"].Str() == "delivered")).Single()!;
        Assert.Null(delivered["nextAttemptAt"]);
        Assert.NotNull(delivered["deliveredAt"]);
        Assert.Equal([500, 200], delivered["attempts"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AnEventFailsForGoodAfterTheLastScheduledAttempt()
    {
        Receiver.AnswerAlways(503);
        var id = await FinishVideoAsync(Alice);

        await WaitForHooksAsync(3);
        var failed = (await EventsWhenAsync(Alice, id, e => e[0]!["status"].Str() == "failed")).Single()!;
        await AdvanceUntilAsync(() => Clock.GetUtcNow() > DateTimeOffset.Parse(failed["attempts"]![2]!["attemptedAt"].Str(),
            System.Globalization.CultureInfo.InvariantCulture).AddMinutes(1), TimeSpan.FromSeconds(5));

        Assert.Equal(3, Hooks.Count);
        Assert.Single(Hooks.Select(h => h.Id).Distinct());
        Assert.Equal(3, failed["attempts"]!.AsArray().Count);
        Assert.Contains("3 attempts", failed["failureReason"].Str());
        Assert.Null(failed["nextAttemptAt"]);
    }

    [Fact]
    public async Task AnotherClientsVideoEventsAnswerNotFound()
    {
        var id = await FinishVideoAsync(Alice);
        var bob = Gateway.ClientWithKey(TestClients.BobKey);

        await (await bob.GetAsync($"/videos/{id}/events")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Alice.GetAsync("/videos/vid_0123456789abcdef0123456789abcdef/events")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Alice.GetAsync("/videos/not-an-id/events")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task EventsNeedAClientKey()
    {
        var id = await FinishVideoAsync(Alice);

        await (await Gateway.CreateClient().GetAsync($"/videos/{id}/events")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
