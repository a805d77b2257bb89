using System.Net;
using System.Net.Http.Headers;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Security;

public sealed class AuthenticationTests : GatewayTest
{
    [Theory]
    [InlineData("/videos")]
    [InlineData("/videos/vid_0123456789abcdef0123456789abcdef")]
    [InlineData("/models")]
    [InlineData("/credits")]
    public async Task AMissingKeyIsUnauthorizedWithABearerChallenge(string path)
    {
        var response = await Gateway.CreateClient().GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer ")]
    [InlineData("Basic YWxpY2U6a2V5")]
    public async Task AnUnknownKeyIsUnauthorized(string authorization)
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.PostVideoAsync(new { prompt = "p" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Empty(Kie.Calls);
    }

    [Fact]
    public async Task AVeryLongUnknownKeyIsUnauthorized()
    {
        var client = Gateway.ClientWithKey(new string('k', 4000));

        await (await client.GetAsync("/videos")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AClientKeyChangedInTheConfigurationWhileRunningAppliesWithoutARestart()
    {
        await (await Alice.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK); // the hashes in force are known now
        var configuration = (IConfigurationRoot)Gateway.Services.GetRequiredService<IConfiguration>();
        configuration["Gateway:Clients:0:KeySha256"] = TestClients.Hash("alice-new-key-0001");
        configuration.Reload(); // what the watched appsettings.json does once edited

        await (await Alice.GetAsync("/videos")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await Gateway.ClientWithKey("alice-new-key-0001").GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheKeyMayComeInXApiKey()
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestClients.AliceKey);

        var response = await client.GetAsync("/videos");

        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AClientCannotSeeAnotherClientsVideo()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "alice's" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        var bob = Gateway.ClientWithKey(TestClients.BobKey);

        var direct = await bob.GetAsync($"/videos/{id}");
        var unknown = await bob.GetAsync("/videos/vid_0123456789abcdef0123456789abcdef");
        var list = await (await bob.GetAsync("/videos")).AssertJsonAsync(HttpStatusCode.OK);

        var hidden = await direct.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var missing = await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(missing["detail"].Str(), hidden["detail"].Str()); // indistinguishable from an unknown id
        Assert.Empty(list["data"]!.AsArray());
        await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreditsNeedTheAdminScope()
    {
        var forbidden = await Alice.GetAsync("/credits");
        var allowed = await Gateway.ClientWithKey(TestClients.AdminKey).GetAsync("/credits");

        await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var credits = await allowed.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(35.95m, credits["credits"]!.GetValue<decimal>());
        Assert.Single(Kie.CallsTo("/api/v1/chat/credit"));
    }

    [Fact]
    public async Task HealthAndTheApiDescriptionNeedNoKey()
    {
        var client = Gateway.CreateClient();

        await (await client.GetAsync("/health/live")).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);
        var ui = await client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("text/html") { CharSet = "utf-8" }.MediaType, ui.Content.Headers.ContentType?.MediaType);
    }
}
