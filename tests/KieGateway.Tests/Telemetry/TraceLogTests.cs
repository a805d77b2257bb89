using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Telemetry;

/// <summary>Log lines carry the TraceId and SpanId of the span they were written under.</summary>
public sealed class TraceLogTests : TracedTest
{
    [Fact]
    public async Task ALogLineOfARequestCarriesItsTraceId()
    {
        var response = await Alice.PostVideoAsync(new { prompt = "a fox" });
        var id = (await response.AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();

        var line = Assert.Single(Gateway.Log.Lines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("created for", StringComparison.Ordinal));
        Assert.Contains($"TraceId={response.TraceId()}", line);
    }

    [Fact]
    public async Task ALogLineWrittenInARefreshCarriesTheRefreshSpan()
    {
        var id = (await (await Alice.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();
        Kie.Script("/api/v1/veo/record-info", FakeAnswer.Envelope(200, 500, "Server Error"));
        Clock.Advance(TimeSpan.FromSeconds(5));

        var response = await Alice.GetAsync($"/videos/{id}");
        var refresh = await Spans.WaitForAsync(s => s.In(response.TraceId()) && s.IsGateway("video refresh"));

        var line = Assert.Single(Gateway.Log.Lines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("Refresh of", StringComparison.Ordinal));
        Assert.Contains($"TraceId={response.TraceId()}", line);
        Assert.Contains($"SpanId={refresh.SpanId.ToHexString()}", line);
    }
}
