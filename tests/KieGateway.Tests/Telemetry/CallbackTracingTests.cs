using System.Net;
using System.Text;
using System.Text.Json;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Telemetry;

/// <summary>A Kie callback's span names the video and task only once its secret token and task matched a video.</summary>
public sealed class CallbackTracingTests : TracedTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:PublicBaseUrl"] = "https://gateway.example.com",
    };

    private async Task<System.Diagnostics.Activity> CallBackAsync(string path, string taskId)
    {
        var body = new StringContent(JsonSerializer.Serialize(new { code = 200, data = new { taskId } }), Encoding.UTF8, "application/json");
        var response = await Gateway.CreateClient().PostAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the same answer whatever matched
        return await Spans.WaitForAsync(s => s.In(response.TraceId()) && s.IsGatewayRequest());
    }

    [Fact]
    public async Task AMatchedCallbackNamesItsVideoAndTaskAndAnUnmatchedOneWritesNothingOfTheCallers()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        var path = new Uri(Kie.CallsTo("/api/v1/veo/generate").Single().Json["callBackUrl"].Str()).AbsolutePath;

        var matched = await CallBackAsync(path, "veo_task_1");
        var otherTask = await CallBackAsync(path, "anything-a-caller-writes");
        var forged = await CallBackAsync("/callbacks/kie/cbt_0123456789abcdef0123456789abcdef", "veo_task_1");

        Assert.Equal((id, "veo_task_1"), (matched.Tag("kiegateway.video.id"), matched.Tag("kiegateway.kie.task_id")));
        Assert.All([otherTask, forged], span =>
            Assert.Equal((null, null), (span.Tag("kiegateway.video.id"), span.Tag("kiegateway.kie.task_id"))));
    }
}
