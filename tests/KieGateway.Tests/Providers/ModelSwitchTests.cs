using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Providers;

/// <summary>Retiring a model or a whole provider is configuration: no code changes, clear answers.</summary>
public sealed class ModelSwitchTests : GatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:Models:sora-2:Enabled"] = "false",
        ["Gateway:Models:sora-2:FallbackModel"] = "veo-3.1-fast",
        ["Gateway:Models:veo-3.1:Enabled"] = "false",
        ["Gateway:Models:veo-3.1:FallbackModel"] = "",
    };

    [Fact]
    public async Task ASwitchedOffModelAnswersModelUnavailableWithoutCallingKie()
    {
        var response = await Alice.PostVideoAsync(new { prompt = "p", model = "sora-2" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "model_unavailable");
        Assert.Contains("allowFallback", problem["detail"].Str());
        Assert.Empty(Kie.Calls);
    }

    [Fact]
    public async Task WithAllowFallbackTheConfiguredFallbackMakesTheVideo()
    {
        var response = await Alice.PostVideoAsync(new { prompt = "p", model = "sora-2", allowFallback = true });

        var video = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("veo-3.1-fast", video["model"].Str());
        Assert.Equal(8, video["durationSeconds"]!.GetValue<int>());
        Assert.Equal("veo3_fast", Assert.Single(Kie.CallsTo("/api/v1/veo/generate")).Json["model"].Str());
        Assert.Empty(Kie.CallsTo("/api/v1/jobs/createTask"));
    }

    [Fact]
    public async Task AModelWithoutAFallbackStaysUnavailableEvenWhenFallbackIsAllowed()
    {
        var response = await Alice.PostVideoAsync(new { prompt = "p", model = "veo-3.1", allowFallback = true });

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "model_unavailable");
    }

    [Fact]
    public async Task TheFallbacksRulesApplyToTheRequest()
    {
        // Sora's 10 s cannot be made by the Veo fallback, which only makes 8 s.
        var response = await Alice.PostVideoAsync(new { prompt = "p", model = "sora-2", durationSeconds = 10, allowFallback = true });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("durationSeconds"));
    }

    [Fact]
    public async Task ModelsListsEveryModelWithItsSwitchAndCapabilities()
    {
        var models = (await (await Alice.GetAsync("/models")).Content.ReadAsStringAsync());
        var list = System.Text.Json.Nodes.JsonNode.Parse(models)!.AsArray();

        Assert.Equal(["sora-2", "sora-2-pro", "veo-3.1", "veo-3.1-fast"], list.Select(m => m!["id"].Str()));
        var sora = list.Single(m => m!["id"].Str() == "sora-2")!;
        Assert.False(sora["enabled"]!.GetValue<bool>());
        Assert.Equal("veo-3.1-fast", sora["fallbackModel"].Str());
        Assert.Equal([10, 15], sora["durationsSeconds"]!.AsArray().Select(d => d!.GetValue<int>()));
        var fast = list.Single(m => m!["id"].Str() == "veo-3.1-fast")!;
        Assert.True(fast["enabled"]!.GetValue<bool>());
        Assert.True(fast["isDefault"]!.GetValue<bool>());
        Assert.Equal(2, fast["maxImages"]!.GetValue<int>());
    }
}

public sealed class ProviderSwitchTests : GatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:Providers:sora-2:Enabled"] = "false",
    };

    [Theory]
    [InlineData("sora-2")]
    [InlineData("sora-2-pro")]
    public async Task SwitchingOffAProviderSwitchesOffEachOfItsModels(string model)
    {
        var response = await Alice.PostVideoAsync(new { prompt = "p", model });

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "model_unavailable");
        Assert.Empty(Kie.Calls);
    }
}
