using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Webhooks;

/// <summary>A gateway test with a webhook receiver, and ways to bring a video to its end.</summary>
public abstract class WebhookTest : GatewayTest
{
    protected WebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>
    /// A delivery is timed on the test's clock, which the waits below move a second every few milliseconds: with the
    /// default 10 s, a loaded machine saw a delivery the receiver answered saved as unanswered. Five minutes (the most
    /// allowed) leaves a delivery about 1.5 s of real time.
    /// </summary>
    protected override IDictionary<string, string?> BaseSettings => new Dictionary<string, string?> { ["Webhooks:Timeout"] = "00:05:00" };

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync(() => Clock.GetUtcNow());
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>Creates a video whose callbackUrl is the receiver, and lets Kie finish it (successFlag 1) or fail it (2).</summary>
    protected async Task<string> FinishVideoAsync(HttpClient client, string taskId = "veo_task_1", int successFlag = 1, string? callbackUrl = null)
    {
        var created = await client.PostVideoAsync(new { prompt = "a fox", callbackUrl = callbackUrl ?? Receiver.HookUrl });
        var id = (await created.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Kie.SetRecord(taskId, successFlag == 1
            ? (object)new { taskId, successFlag, response = new { resultUrls = new[] { "https://cdn.example/v.mp4" } } }
            : new { taskId, successFlag, errorCode = 400, errorMessage = "flagged" });
        Clock.Advance(TimeSpan.FromSeconds(5));
        var video = await (await client.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(successFlag == 1 ? "completed" : "failed", video["status"].Str());
        return id;
    }

    protected IReadOnlyList<ReceivedWebhook> Hooks => Receiver.Received.Where(r => r.Path == "/hooks").ToList();

    /// <summary>Moves the clock a second at a time until the receiver has had <paramref name="count"/> webhooks.</summary>
    protected Task WaitForHooksAsync(int count) => AdvanceUntilAsync(() => Hooks.Count >= count, TimeSpan.FromSeconds(1));

    /// <summary>Reads the video's events until <paramref name="done"/> holds, without moving the clock.</summary>
    protected static async Task<JsonArray> EventsWhenAsync(HttpClient client, string videoId, Func<JsonArray, bool> done)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var events = (await (await client.GetAsync($"/videos/{videoId}/events", cts.Token)).AssertJsonAsync(HttpStatusCode.OK))["data"]!.AsArray();
            if (done(events))
            {
                return events;
            }

            await Task.Delay(10, cts.Token);
        }
    }

    /// <summary>Standard Webhooks, written here from the spec and independently of the gateway's signer.</summary>
    protected static string ExpectedSignature(string secret, string id, string timestamp, string body)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body));
        return "v1," + Convert.ToBase64String(mac);
    }
}
