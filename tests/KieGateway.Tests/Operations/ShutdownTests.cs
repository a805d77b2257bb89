using System.Net;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KieGateway.Tests.Operations;

/// <summary>A replica told to stop answers its held reads and waits out a Kie call under way.</summary>
public sealed class ShutdownTests : GatewayTest
{
    private Task _inFlight = Task.CompletedTask;

    // Kestrel lets requests under way finish before the host goes on stopping; TestServer does not, so this stands in for it.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddHostedService(_ => new DrainRequests(() => _inFlight));

    [Fact]
    public async Task AWaitingReadAnswersTheStoredVideoAtOnceWhenTheReplicaStops()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "p" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        var waiting = Alice.GetAsync($"/videos/{id}?wait=60");
        _inFlight = waiting;

        // The clock stands still: only the stop can end this wait.
        Gateway.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var video = await (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(id, video["id"].Str());
        Assert.Equal("queued", video["status"].Str());
        Assert.Empty(Kie.CallsTo("/api/v1/veo/record-info"));
    }

    [Theory]
    [InlineData(null, 40)] // Kie:Timeout's default, 30 s
    [InlineData("00:00:50", 60)]
    public async Task TheShutdownWaitsOutTheLongestKieCallAndTenSecondsMore(string? kieTimeout, int expectedSeconds)
    {
        await using var gateway = new GatewayFactory(Kie, new Dictionary<string, string?> { ["Kie:Timeout"] = kieTimeout }, Clock);

        var shutdown = gateway.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), shutdown);
        File.Delete(gateway.DatabasePath);
    }

    private sealed class DrainRequests(Func<Task> inFlight) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) =>
            inFlight().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
