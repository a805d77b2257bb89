using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Operations;

/// <summary>Errors keep their shape whatever the client asks for and wherever they come from.</summary>
public sealed class ProblemShapeTests : GatewayTest
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task AClientThatDoesNotAcceptJsonStillGetsAProblemNotAServerError(string accept)
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        var response = await client.GetAsync("/videos");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AnUpstreamErrorAnswerCarriesTheCallersCorrelationId()
    {
        Kie.Script("/api/v1/veo/generate", FakeAnswer.Envelope(200, 402, "Credits insufficient"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/videos") { Content = new StringContent("""{"prompt":"p"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Correlation-Id", "req-77");

        var response = await Alice.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.PaymentRequired, "insufficient_credits");
        Assert.Equal("req-77", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task ABodyOverTheLimitIsPayloadTooLarge()
    {
        var body = "{\"prompt\":\"" + new string('x', 70 * 1024) + "\"}";

        var response = await Alice.PostAsync("/videos", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Empty(Kie.Calls);
    }

    [Fact]
    public async Task AnUnknownRouteIsANotFoundProblem()
    {
        var response = await Alice.GetAsync("/no-such-thing");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AWrongMethodIsAProblemToo()
    {
        var response = await Alice.DeleteAsync("/videos");

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task KiesWordsAboutARefusedKeyAreNotPassedOn()
    {
        Kie.Script("/api/v1/veo/generate", FakeAnswer.Envelope(401, 401, $"key {FakeKie.ApiKey} is not valid"));

        var response = await Alice.PostVideoAsync(new { prompt = "p" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadGateway, "upstream_auth_failed");
        Assert.DoesNotContain(FakeKie.ApiKey, problem.ToJsonString());
        Assert.All(Gateway.Log.Lines, l => Assert.DoesNotContain(FakeKie.ApiKey, l));
    }
}
