using System.Net;
using KieGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KieGateway.Tests.Security;

/// <summary>
/// Secrets that reach a log call anyway (in an exception's message, a logged header collection, HttpClient's
/// own logging at its most verbose) are taken out before any sink sees them.
/// </summary>
public sealed class LogRedactionTests : GatewayTest
{
    private const string LeakPath = "/test/leak";

    /// <summary>Where a sink that an operator adds in configuration (Serilog:WriteTo) writes.</summary>
    private readonly string _configuredSinkFile = Path.Combine(Path.GetTempPath(), $"kiegateway-log-{Guid.NewGuid():N}.log");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:System.Net.Http.HttpClient"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
        ["Serilog:WriteTo:0:Name"] = "File",
        ["Serilog:WriteTo:0:Args:path"] = _configuredSinkFile,
        ["Serilog:WriteTo:0:Args:outputTemplate"] = "{Level:u3} {Message:lj} {Properties:j}{NewLine}{Exception}",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_configuredSinkFile);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new LeakyEndpoint());

    [Fact]
    public async Task AnExceptionCarryingTheKieKeyAndTheClientsKeyReachesNoLogSinkWithThem()
    {
        var response = await Alice.GetAsync(LeakPath);

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        await LogLineAsync(l => l.Contains(LeakPath) && l.Contains("500"));
        var exception = Assert.Single(Gateway.Log.Lines, l => l.Contains("Unhandled error"));
        Assert.Contains("InvalidOperationException", exception); // the exception is logged, type and stack included
        Assert.Contains("HttpRequestException", exception);
        Assert.Contains("[REDACTED]", exception);
        Assert.Contains(Gateway.Log.Lines, l => l.Contains("Request headers") && l.Contains("[REDACTED]"));
        AssertNoSecretInTheLog();
    }

    [Fact]
    public async Task ASinkAddedInConfigurationGetsTheExceptionAndTheMessageTextRedactedToo()
    {
        await Alice.GetAsync(LeakPath);

        var written = await ConfiguredSinkTextAsync("Unhandled error");
        Assert.Contains("InvalidOperationException", written);
        Assert.Contains("HttpRequestException", written);
        Assert.Contains("Retrying Kie with key [REDACTED]", written);
        Assert.DoesNotContain(FakeKie.ApiKey, written);
        Assert.DoesNotContain(TestClients.AliceKey, written);
    }

    [Fact]
    public async Task AMessageBuiltByInterpolationIsRedactedLikeAProperty()
    {
        await Alice.GetAsync(LeakPath);

        await LogLineAsync(l => l.Contains("Retrying Kie with key [REDACTED]"));
        AssertNoSecretInTheLog();
    }

    [Fact]
    public async Task HttpClientLoggingOfKieCallsCarriesNoKey()
    {
        await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted);
        Kie.Script("/api/v1/veo/generate", new FakeAnswer(Drop: true));
        await Alice.PostVideoAsync(new { prompt = "dropped" });

        await LogLineAsync(l => l.Contains("System.Net.Http.HttpClient") && l.Contains("veo/generate"));
        Assert.Equal(2, Kie.CallsTo("/api/v1/veo/generate").Count);
        AssertNoSecretInTheLog();
    }

    private void AssertNoSecretInTheLog() => Assert.All(Gateway.Log.Lines, line =>
    {
        Assert.DoesNotContain(FakeKie.ApiKey, line);
        Assert.DoesNotContain(TestClients.AliceKey, line);
    });

    /// <summary>Some lines are written once the answer has gone out: wait for them, within a bound.</summary>
    private async Task LogLineAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!Gateway.Log.Lines.Any(match))
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>What the sink configured in Serilog:WriteTo has written once <paramref name="expected"/> is among it.</summary>
    private async Task<string> ConfiguredSinkTextAsync(string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (File.Exists(_configuredSinkFile))
            {
                await using var file = new FileStream(_configuredSinkFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                var text = await new StreamReader(file).ReadToEndAsync(timeout.Token);
                if (text.Contains(expected))
                {
                    return text;
                }
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>
    /// Code that does what it should not: logs the request's headers, writes the Kie key into a message by string
    /// interpolation, and throws with both keys in the message.
    /// </summary>
    private sealed class LeakyEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context =>
            {
                if (context.Request.Path != LeakPath)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                var logger = context.RequestServices.GetRequiredService<ILogger<LeakyEndpoint>>();
                logger.LogInformation("Request headers {Headers}", context.Request.Headers);
#pragma warning disable CA2254 // the mistake under test: a message template built by interpolation
                logger.LogWarning($"Retrying Kie with key {FakeKie.ApiKey}");
#pragma warning restore CA2254
                throw new InvalidOperationException(
                    $"Kie refused {FakeKie.ApiKey} for '{context.Request.Headers.Authorization}'",
                    new HttpRequestException($"Authorization: Bearer {FakeKie.ApiKey}"));
            });
        };
    }
}
