using System.Net;
using System.Text.Json.Nodes;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Operations;

/// <summary>The OpenAPI document is what Swagger UI shows: the Bearer scheme, examples, every error status.</summary>
public sealed class OpenApiTests : GatewayTest
{
    private async Task<JsonObject> DocumentAsync() =>
        await (await Gateway.CreateClient().GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task TheDocumentDeclaresTheBearerSchemeForEveryOperation()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"].Str());
        Assert.Equal("bearer", scheme["scheme"].Str());
        Assert.Contains(document["security"]!.AsArray(), r => r!.AsObject().ContainsKey("Bearer"));
    }

    [Theory]
    [InlineData("/videos", "post", new[] { "202", "400", "401", "402", "413", "422", "429", "502", "503", "504" })]
    [InlineData("/videos", "get", new[] { "200", "400", "401" })]
    [InlineData("/videos/{id}", "get", new[] { "200", "401", "404" })]
    [InlineData("/videos/{id}/events", "get", new[] { "200", "401", "404" })]
    [InlineData("/models", "get", new[] { "200", "401" })]
    [InlineData("/credits", "get", new[] { "200", "401", "403", "402", "429", "502", "503", "504" })]
    public async Task EveryEndpointDocumentsItsAnswers(string path, string method, string[] statuses)
    {
        var document = await DocumentAsync();

        var responses = document["paths"]![path]![method]!["responses"]!.AsObject();
        Assert.All(statuses, s => Assert.True(responses.ContainsKey(s), $"{method} {path} does not document {s}: {string.Join(",", responses.Select(r => r.Key))}"));
        Assert.All(responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')),
            r => Assert.True(r.Value!["content"]!.AsObject().ContainsKey("application/problem+json"), $"{r.Key} is problem+json"));
    }

    [Fact]
    public async Task TheTooManyRequestsAnswerOfCreateNamesEveryCodeItCanCarry()
    {
        var paths = (await DocumentAsync())["paths"]!;

        var create = paths["/videos"]!["post"]!["responses"]!["429"]!;
        Assert.All(new[] { "`rate_limited`", "`upstream_rate_limited`", "`budget_exceeded`" },
            code => Assert.Contains(code, create["description"].Str()));
        Assert.NotNull(create["headers"]!["Retry-After"]);
        // Reading spends nothing: no budget to exceed there.
        Assert.DoesNotContain("budget_exceeded", paths["/videos"]!["get"]!["responses"]!["429"]!["description"].Str());
    }

    [Fact]
    public async Task CreateCarriesARequestAndAResponseExample()
    {
        var post = (await DocumentAsync())["paths"]!["/videos"]!["post"]!;

        Assert.NotNull(post["requestBody"]!["content"]!["application/json"]!["example"]!["prompt"]);
        Assert.Equal("completed", post["responses"]!["202"]!["content"]!["application/json"]!["example"]!["status"].Str());
        Assert.Contains("[sandbox:fail]", post["description"].Str());
    }
}
