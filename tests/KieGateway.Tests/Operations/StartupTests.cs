using System.Net;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace KieGateway.Tests.Operations;

public sealed class StartupTests
{
    [Fact]
    public async Task LiveModeWithoutAKeyRefusesToStartOutsideDevelopment()
    {
        await using var gateway = new GatewayFactory(kie: null, new Dictionary<string, string?> { ["Kie:Mode"] = null }, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Kie__ApiKey", error.Message);
        Assert.Contains("Kie__Mode=Sandbox", error.Message);
    }

    [Fact]
    public async Task DevelopmentDefaultsToTheSandbox()
    {
        await using var gateway = new GatewayFactory(kie: null, new Dictionary<string, string?> { ["Kie:Mode"] = null }, environment: "Development");

        var health = await (await gateway.CreateClient().GetAsync("/health/ready")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Sandbox", health["kieMode"].Str());
        File.Delete(gateway.DatabasePath);
    }

    [Fact]
    public async Task EveryConfigurationProblemIsReportedAtOnce()
    {
        await using var gateway = new GatewayFactory(kie: null, new Dictionary<string, string?>
        {
            ["Gateway:DefaultModel"] = "veo-9",
            ["Gateway:Models:sora-2:FallbackModel"] = "nope",
            ["Gateway:Clients:0:KeySha256"] = "not-a-hash",
        });

        var error = Assert.Throws<OptionsValidationException>(() => gateway.CreateClient());

        Assert.Contains("Gateway:DefaultModel", error.Message);
        Assert.Contains("Gateway:Models:sora-2:FallbackModel", error.Message);
        Assert.Contains("Gateway:Clients:0:KeySha256", error.Message);
    }

    [Fact]
    public async Task TheSandboxClientDoesNotExistInLiveMode()
    {
        await using var kie = await FakeKie.StartAsync();
        await using var gateway = new GatewayFactory(kie);

        var response = await gateway.ClientWithKey("kgw_sandbox_dev_key").GetAsync("/videos");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        File.Delete(gateway.DatabasePath);
    }
}
