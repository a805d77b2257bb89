using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Telemetry;

/// <summary>A read's request span names the video only when the read found it: a 404 names nothing.</summary>
public sealed class ReadTracingTests : TracedTest
{
    private async Task<object?> VideoTagOfAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return (await Spans.WaitForAsync(s => s.In(response.TraceId()) && s.IsGatewayRequest())).Tag("kiegateway.video.id");
    }

    [Fact]
    public async Task AVideoAndItsEventsAreNamedForItsOwnerButNotForAnotherClientOrAMalformedId()
    {
        var bob = Gateway.ClientWithKey(TestClients.BobKey);
        var id = (await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();

        Assert.Equal(id, await VideoTagOfAsync(Alice, $"/videos/{id}", HttpStatusCode.OK));
        Assert.Equal(id, await VideoTagOfAsync(Alice, $"/videos/{id}/events", HttpStatusCode.OK));
        Assert.Null(await VideoTagOfAsync(bob, $"/videos/{id}", HttpStatusCode.NotFound));
        Assert.Null(await VideoTagOfAsync(bob, $"/videos/{id}/events", HttpStatusCode.NotFound));
        Assert.Null(await VideoTagOfAsync(Alice, "/videos/anything-a-caller-writes", HttpStatusCode.NotFound));
        Assert.Null(await VideoTagOfAsync(Alice, "/videos/anything-a-caller-writes/events", HttpStatusCode.NotFound));
    }
}
