using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Security;

/// <summary>
/// Per-client limits: 2 requests a minute by default, Bob 5 of his own, 1 create a minute. The limiter runs on
/// the real clock (System.Threading.RateLimiting takes no TimeProvider), so no test here needs time to move.
/// </summary>
public sealed class RateLimitTests : GatewayTest
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:RateLimit:PermitLimit"] = "2",
        ["Gateway:RateLimit:Window"] = "00:01:00",
        ["Gateway:RateLimit:CreatePermitLimit"] = "1",
        ["Gateway:RateLimit:CreateWindow"] = "00:01:00",
        ["Gateway:Clients:1:RateLimit:PermitLimit"] = "5",
    };

    private HttpClient Bob => Gateway.ClientWithKey(TestClients.BobKey);

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), Window);
    }

    [Fact]
    public async Task AClientOverItsLimitGetsRateLimitedWithRetryAfter()
    {
        await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
        await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);

        await AssertRateLimitedAsync(await Alice.GetAsync("/videos"));
    }

    [Fact]
    public async Task AnotherClientIsNotLimitedByTheFirstOnesRequests()
    {
        for (var i = 0; i < 3; i++)
        {
            await Alice.GetAsync("/videos");
        }

        var admin = Gateway.ClientWithKey(TestClients.AdminKey);
        await (await admin.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
        await (await Bob.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
        await AssertRateLimitedAsync(await Alice.GetAsync("/videos"));
    }

    [Fact]
    public async Task AClientsOwnLimitOverridesTheDefault()
    {
        for (var i = 0; i < 5; i++)
        {
            await (await Bob.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
        }

        await AssertRateLimitedAsync(await Bob.GetAsync("/videos"));
    }

    [Fact]
    public async Task CreatesHaveAStricterLimitOfTheirOwnAndTheRefusedOneNeverReachesKie()
    {
        await (await Bob.PostVideoAsync(new { prompt = "first" })).AssertJsonAsync(HttpStatusCode.Accepted);

        await AssertRateLimitedAsync(await Bob.PostVideoAsync(new { prompt = "second" }));

        Assert.Single(Kie.CallsTo("/api/v1/veo/generate"));
        await (await Bob.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK); // reads still have permits
    }

    [Fact]
    public async Task RequestsWithoutAValidKeyAreUnauthorizedNotRateLimited()
    {
        var anonymous = Gateway.CreateClient();
        var stranger = Gateway.ClientWithKey("not-a-client-key");

        for (var i = 0; i < 4; i++)
        {
            await (await anonymous.GetAsync("/videos")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
            await (await stranger.GetAsync("/videos")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }

        await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("GET", "/health/live")]
    [InlineData("GET", "/health/ready")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/sandbox/media/sample.mp4")]
    [InlineData("POST", "/callbacks/kie/cbt_unknown")]
    public async Task AnonymousEndpointsAreNotLimitedEvenWhenAClientKeyIsSent(string method, string path)
    {
        for (var i = 0; i < 4; i++)
        {
            var response = await Alice.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method == "POST" ? new StringContent("""{"data":{"taskId":"t"}}""", System.Text.Encoding.UTF8, "application/json") : null,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // None of those took one of Alice's two permits.
        await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
        await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/videos", "post")]
    [InlineData("/videos", "get")]
    [InlineData("/models", "get")]
    [InlineData("/credits", "get")]
    public async Task EveryOperationThatTakesAClientKeyDocumentsRateLimitedWithRetryAfter(string path, string method)
    {
        var document = await (await Gateway.CreateClient().GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

        var tooMany = document["paths"]![path]![method]!["responses"]!["429"]!;
        Assert.Contains("rate_limited", tooMany["description"].Str());
        Assert.NotNull(tooMany["content"]!["application/problem+json"]);
        Assert.NotNull(tooMany["headers"]!["Retry-After"]);
        Assert.Null(document["paths"]!["/callbacks/kie/{token}"]!["post"]!["responses"]!["429"]);
    }

    [Fact]
    public async Task ALimitThatIsNotPositiveIsRefusedAtStartNamingItsKey()
    {
        await using var gateway = new GatewayFactory(Kie, new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:Window"] = "00:00:00",
            ["Gateway:Clients:1:RateLimit:CreatePermitLimit"] = "0",
        });

        // Two sections fail, so start-up aggregates both reports.
        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Gateway:RateLimit:Window", error.Message);
        Assert.Contains("Gateway:Clients:1:RateLimit:CreatePermitLimit", error.Message);
        File.Delete(gateway.DatabasePath);
    }
}
