using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Usage;

/// <summary>GET /usage: videos and credits by UTC day and model; a client sees its own, an admin everyone's.</summary>
public sealed class UsageTests : GatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:Clients:0:Budget:MonthlyCredits"] = "10000",
        ["Gateway:PublicBaseUrl"] = "https://gateway.example.com", // creates pass Kie a callback URL
    };

    private HttpClient Bob => Gateway.ClientWithKey(TestClients.BobKey);

    private HttpClient Ops => Gateway.ClientWithKey(TestClients.AdminKey);

    private static async Task CreateAsync(HttpClient client, string model) =>
        await (await client.PostVideoAsync(new { prompt = "p", model })).AssertJsonAsync(HttpStatusCode.Accepted);

    private static async Task<JsonObject> UsageAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync("/usage" + query)).AssertJsonAsync(HttpStatusCode.OK);

    private static JsonNode Row(JsonObject usage, string client, string date, string model) =>
        usage["data"]!.AsArray().Single(r => r!["clientId"].Str() == client && r["date"].Str() == date && r["model"].Str() == model)!;

    [Fact]
    public async Task AClientsUsageCountsItsVideosAndEstimatedCreditsByDayAndModel()
    {
        await CreateAsync(Alice, "veo-3.1-fast");
        await CreateAsync(Alice, "veo-3.1-fast");
        await CreateAsync(Alice, "veo-3.1");
        await CreateAsync(Bob, "veo-3.1-fast");
        Clock.Advance(TimeSpan.FromDays(1));
        await CreateAsync(Alice, "veo-3.1-fast");

        var usage = await UsageAsync(Alice);

        Assert.Equal("2026-11-01", usage["from"].Str());
        Assert.Equal("2026-11-26", usage["to"].Str());
        Assert.Equal(3, usage["data"]!.AsArray().Count);
        Assert.All(usage["data"]!.AsArray(), r => Assert.Equal("alice", r!["clientId"].Str()));
        var fast = Row(usage, "alice", "2026-11-25", "veo-3.1-fast");
        Assert.Equal(2, fast["videos"]!.GetValue<int>());
        Assert.Equal(120m, fast["estimatedCredits"]!.GetValue<decimal>());
        Assert.Equal(120m, fast["credits"]!.GetValue<decimal>());
        Assert.Equal(250m, Row(usage, "alice", "2026-11-25", "veo-3.1")["credits"]!.GetValue<decimal>());
        Assert.Equal(60m, Row(usage, "alice", "2026-11-26", "veo-3.1-fast")["credits"]!.GetValue<decimal>());
        var budget = usage["budgets"]!.AsArray().Single()!;
        Assert.Equal(10000m, budget["monthlyCredits"]!.GetValue<decimal>());
        Assert.Equal(430m, budget["usedThisMonth"]!.GetValue<decimal>());
        Assert.Equal(60m, budget["usedToday"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task KiesActualChargeReplacesTheEstimate()
    {
        await CreateAsync(Alice, "sora-2"); // estimated at 30
        var id = (await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK))["data"]![0]!["id"].Str();
        Kie.SetRecord("task_sora_1", new
        {
            taskId = "task_sora_1", state = "success", resultJson = """{"resultUrls":["https://cdn.example/s.mp4"]}""", consumeCredits = 100,
        });
        Clock.Advance(TimeSpan.FromSeconds(5));
        await WaitForStatusAsync(id, "completed");

        var row = Row(await UsageAsync(Alice), "alice", "2026-11-25", "sora-2");

        Assert.Equal(30m, row["estimatedCredits"]!.GetValue<decimal>());
        Assert.Equal(100m, row["actualCredits"]!.GetValue<decimal>());
        Assert.Equal(100m, row["credits"]!.GetValue<decimal>());
        Assert.Equal(1, row["completed"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheChargeInKiesCallbackReplacesTheEstimateEvenOnceTheVideoHasEnded(bool chargeAsText)
    {
        await CreateAsync(Alice, "sora-2"); // estimated at 30
        var id = (await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK))["data"]![0]!["id"].Str();
        var callback = new Uri(Kie.CallsTo("/api/v1/jobs/createTask").Single().Json["callBackUrl"].Str());
        Kie.SetRecord("task_sora_1", new { taskId = "task_sora_1", state = "success", resultJson = """{"resultUrls":["https://cdn.example/s.mp4"]}""" });
        Clock.Advance(TimeSpan.FromSeconds(5));
        await WaitForStatusAsync(id, "completed"); // Kie's record said nothing of the cost

        await (await CallBackAsync(callback, "task_sora_9", 5000)).AssertJsonAsync(HttpStatusCode.OK); // not this job's task: ignored
        await (await CallBackAsync(callback, "task_sora_1", chargeAsText ? "100" : 100)).AssertJsonAsync(HttpStatusCode.OK);

        var row = Row(await UsageAsync(Alice), "alice", "2026-11-25", "sora-2");
        Assert.Equal(30m, row["estimatedCredits"]!.GetValue<decimal>());
        Assert.Equal(100m, row["actualCredits"]!.GetValue<decimal>());
        Assert.Equal(100m, row["credits"]!.GetValue<decimal>());
    }

    /// <summary>Kie's jobs callback (kie-api.md §2.4), posted to the URL the create gave Kie.</summary>
    private Task<HttpResponseMessage> CallBackAsync(Uri callback, string taskId, object consumeCredits) =>
        Gateway.CreateClient().PostAsJsonAsync(callback.AbsolutePath, new
        {
            code = 200,
            msg = "Playground task completed successfully.",
            data = new { taskId, model = "sora-2-text-to-video", state = "success", consumeCredits, remainedCredits = 2510330 },
        });

    [Fact]
    public async Task AnAdminSeesEveryClientOrOneAndOthersMayNotAskForAnotherClient()
    {
        await CreateAsync(Alice, "veo-3.1-fast");
        await CreateAsync(Bob, "veo-3.1");

        var all = await UsageAsync(Ops);
        Assert.Equal(["alice", "bob"], all["data"]!.AsArray().Select(r => r!["clientId"].Str()).Order().ToArray());
        Assert.Equal(3, all["budgets"]!.AsArray().Count); // every configured client
        var bobsOnly = await UsageAsync(Ops, "?clientId=bob");
        Assert.Equal("bob", bobsOnly["data"]!.AsArray().Single()!["clientId"].Str());

        await (await Alice.GetAsync("/usage?clientId=bob")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Alice.GetAsync("/credits")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("?from=yesterday")]
    [InlineData("?from=2026-11-20&to=2026-11-10")]
    [InlineData("?from=2024-01-01&to=2026-11-25")]
    [InlineData("?from=9999-12-31&to=9999-12-31")] // the day after is past the calendar's end
    public async Task ABadPeriodIsAValidationProblem(string query)
    {
        await (await Alice.GetAsync("/usage" + query)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task APeriodNarrowsTheReport()
    {
        await CreateAsync(Alice, "veo-3.1-fast");
        Clock.Advance(TimeSpan.FromDays(1));
        await CreateAsync(Alice, "veo-3.1-fast");

        var usage = await UsageAsync(Alice, "?from=2026-11-26&to=2026-11-26");

        Assert.Equal("2026-11-26", usage["data"]!.AsArray().Single()!["date"].Str());
    }
}
