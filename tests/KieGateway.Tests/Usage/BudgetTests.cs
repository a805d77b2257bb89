using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Usage;

/// <summary>A client's daily and monthly credit budgets, counted on the price table's estimates (veo-3.1-fast: 60).</summary>
public sealed class BudgetTests : GatewayTest
{
    private const string Generate = "/api/v1/veo/generate";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:Clients:0:Budget:DailyCredits"] = "150",
        ["Gateway:Clients:0:Budget:MonthlyCredits"] = "200",
    };

    private Task<HttpResponseMessage> CreateAsync(HttpClient? client = null, string model = "veo-3.1-fast") =>
        (client ?? Alice).PostVideoAsync(new { prompt = "p", model });

    [Fact]
    public async Task ACreateThatWouldPassTheDailyBudgetIsRefusedAndNeverReachesKie()
    {
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);

        var refused = await (await CreateAsync()).AssertProblemAsync(HttpStatusCode.TooManyRequests, "budget_exceeded");

        Assert.Contains("daily budget of 150", refused["detail"].Str());
        Assert.Equal(2, Kie.CallsTo(Generate).Count);
        var listed = await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, listed["data"]!.AsArray().Count); // the refused create left nothing behind
    }

    [Fact]
    public async Task ARefusalSaysInRetryAfterWhenTheBudgetThatRefusedStartsAfresh()
    {
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
        var now = Clock.GetUtcNow();

        var daily = await CreateAsync();

        await daily.AssertProblemAsync(HttpStatusCode.TooManyRequests, "budget_exceeded");
        var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling((midnight - now).TotalSeconds)), daily.Headers.RetryAfter?.Delta);

        Clock.Advance(TimeSpan.FromDays(1)); // a new day of the same month: the monthly budget refuses now
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
        now = Clock.GetUtcNow();
        var monthly = await CreateAsync();

        await monthly.AssertProblemAsync(HttpStatusCode.TooManyRequests, "budget_exceeded");
        var nextMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        Assert.Equal(TimeSpan.FromSeconds(Math.Ceiling((nextMonth - now).TotalSeconds)), monthly.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task TheDailyBudgetStartsAfreshAtMidnightUtcAndTheMonthlyOneDoesNot()
    {
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await CreateAsync()).AssertProblemAsync(HttpStatusCode.TooManyRequests, "budget_exceeded");

        Clock.Advance(TimeSpan.FromDays(1)); // 26 November: a new day, the same month
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted); // 180 of 200 this month
        var refused = await (await CreateAsync()).AssertProblemAsync(HttpStatusCode.TooManyRequests, "budget_exceeded");

        Assert.Contains("monthly budget of 200", refused["detail"].Str());
        Assert.Equal(3, Kie.CallsTo(Generate).Count);
    }

    [Fact]
    public async Task AFailedVideoThatKieDidNotChargeGivesItsCreditsBack()
    {
        var first = (await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
        Kie.SetRecord("veo_task_1", new { taskId = "veo_task_1", successFlag = 2, errorCode = 501, errorMessage = "Generation failed" });
        Clock.Advance(TimeSpan.FromSeconds(5));
        await WaitForStatusAsync(first, "failed");

        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task ACreateWhoseOutcomeIsUnknownStillCountsAgainstTheBudget()
    {
        Kie.Script(Generate, new FakeAnswer(Drop: true)); // Kie may have made (and charged) the task
        var dropped = await CreateAsync();
        Assert.Equal(HttpStatusCode.BadGateway, dropped.StatusCode);
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);

        await (await CreateAsync()).AssertProblemAsync(HttpStatusCode.TooManyRequests, "budget_exceeded"); // 60 + 60 + 60 > 150

        var usage = await (await Alice.GetAsync("/usage")).AssertJsonAsync(HttpStatusCode.OK);
        var row = usage["data"]!.AsArray().Single()!;
        Assert.Equal(1, row["failed"]!.GetValue<int>());
        Assert.Equal(120m, row["credits"]!.GetValue<decimal>());
        Assert.Equal(120m, usage["budgets"]![0]!["usedToday"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task OneClientsBudgetDoesNotLimitAnother()
    {
        var bob = Gateway.ClientWithKey(TestClients.BobKey);
        for (var i = 0; i < 5; i++)
        {
            await (await CreateAsync(bob)).AssertJsonAsync(HttpStatusCode.Accepted);
        }

        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task CreatesRacingForTheBudgetUseAllOfItAndNeverMore()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateAsync()));

        // 150 a day holds two videos of 60: exactly two are accepted, whichever they are, and the rest refused.
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Accepted),
            a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.Equal(2, Kie.CallsTo(Generate).Count);
    }

    [Fact]
    public async Task AnIdempotencyKeyRefusedForBudgetIsFreeToUseAgain()
    {
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await CreateAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
        await (await SendWithKeyAsync()).AssertProblemAsync(HttpStatusCode.TooManyRequests, "budget_exceeded");

        Clock.Advance(TimeSpan.FromDays(1));
        await (await SendWithKeyAsync()).AssertJsonAsync(HttpStatusCode.Accepted);
    }

    private Task<HttpResponseMessage> SendWithKeyAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/videos")
        {
            Content = new StringContent("""{"prompt":"p"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "budget-key");
        return Alice.SendAsync(request);
    }
}
