using System.Net;
using System.Net.Http.Json;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Operations;

public sealed class RequestLoggingTests : GatewayTest
{
    // Successful reads are logged at Debug: seen here, as an operator who lowers the level sees them.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" };

    [Fact]
    public async Task EveryAnswerCarriesACorrelationIdThatIsLogged()
    {
        var response = await Alice.GetAsync("/videos");

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.False(string.IsNullOrWhiteSpace(id));
        Assert.Contains("/videos", await RequestLineAsync(id));
    }

    [Fact]
    public async Task ASuccessfulReadIsLoggedAtDebugWhileAFailedReadAndACreateStayAtInformation()
    {
        await (await SendAsync(HttpMethod.Get, "/videos", "read-ok")).AssertJsonAsync(HttpStatusCode.OK);
        await (await SendAsync(HttpMethod.Get, "/videos/vid_missing", "read-missing")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await SendAsync(HttpMethod.Post, "/videos", "create", JsonContent.Create(new { prompt = "p" }))).AssertJsonAsync(HttpStatusCode.Accepted);

        Assert.StartsWith("Debug ", await RequestLineAsync("read-ok"));
        Assert.StartsWith("Information ", await RequestLineAsync("read-missing"));
        Assert.StartsWith("Information ", await RequestLineAsync("create"));
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string correlationId, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.Add("X-Correlation-Id", correlationId);
        return Alice.SendAsync(request);
    }

    /// <summary>The request's one line, written once the answer has gone out: waited for, within a bound.</summary>
    private async Task<string> RequestLineAsync(string correlationId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Gateway.Log.Lines.FirstOrDefault(l => l.Contains("responded") && l.Contains($"CorrelationId={correlationId} ")) is { } line)
            {
                return line;
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task ACallersCorrelationIdIsKept()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/videos");
        request.Headers.Add("X-Correlation-Id", "order-42.retry-1");

        var response = await Alice.SendAsync(request);

        Assert.Equal("order-42.retry-1", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("<script>")]
    public async Task AnUnsafeCorrelationIdIsReplaced(string unsafeId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", unsafeId);

        var response = await Gateway.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(unsafeId, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }
}

/// <summary>Log levels follow the configuration while the gateway runs (appsettings.json is watched).</summary>
public sealed class LiveLogLevelTests : GatewayTest
{
    private const string RequestLines = "Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [RequestLines] = "Warning" };

    [Fact]
    public async Task ALogLevelChangedWhileRunningAppliesWithoutARestart()
    {
        var configuration = (IConfigurationRoot)Gateway.Services.GetRequiredService<IConfiguration>();
        configuration[RequestLines] = "Debug";
        configuration.Reload(); // what the watched appsettings.json does once edited

        var id = Assert.Single((await Alice.GetAsync("/models")).Headers.GetValues("X-Correlation-Id"));

        // A successful read is written at Debug, which the level the gateway started with would have dropped.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Gateway.Log.Lines.Any(l => l.Contains("responded") && l.Contains(id)))
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
