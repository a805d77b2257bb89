using System.Net;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Operations;

public sealed class RequestLoggingTests : GatewayTest
{
    [Fact]
    public async Task EveryAnswerCarriesACorrelationIdThatIsLogged()
    {
        var response = await Alice.GetAsync("/videos");

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.False(string.IsNullOrWhiteSpace(id));
        // The request line is written once the answer has gone out: wait for it, within a bound.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Gateway.Log.Lines.Any(l => l.Contains("/videos") && l.Contains("200") && l.Contains(id)))
        {
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
        configuration[RequestLines] = "Information";
        configuration.Reload(); // what the watched appsettings.json does once edited

        var id = Assert.Single((await Alice.GetAsync("/models")).Headers.GetValues("X-Correlation-Id"));

        // Written at Information, which the level the gateway started with would have dropped.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Gateway.Log.Lines.Any(l => l.Contains("responded") && l.Contains(id)))
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
