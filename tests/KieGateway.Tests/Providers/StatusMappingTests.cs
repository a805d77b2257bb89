using System.Net;
using System.Text.Json.Nodes;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Providers;

/// <summary>Kie's task states, read liberally, become one video resource.</summary>
public sealed class StatusMappingTests : GatewayTest
{
    private const string Url = "https://tempfile.aiquickdraw.com/v/result.mp4";

    private async Task<JsonObject> ReadAfterKieSaysAsync(string model, object record)
    {
        var created = await (await Alice.PostVideoAsync(new { prompt = "p", model })).AssertJsonAsync(HttpStatusCode.Accepted);
        var taskId = model.StartsWith("sora", StringComparison.Ordinal) ? "task_sora_1" : "veo_task_1";
        Kie.SetRecord(taskId, record);
        Clock.Advance(TimeSpan.FromSeconds(5));
        return await (await Alice.GetAsync($"/videos/{created["id"].Str()}")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("waiting", "queued")]
    [InlineData("queuing", "queued")]
    [InlineData("generating", "in_progress")]
    public async Task JobsStatesBeforeTheEndMapToQueuedOrInProgress(string state, string status)
    {
        var video = await ReadAfterKieSaysAsync("sora-2", new { taskId = "task_sora_1", state, progress = 45 });

        Assert.Equal(status, video["status"].Str());
        Assert.Empty(video["videoUrls"]!.AsArray());
        Assert.Null(video["error"]);
        Assert.Null(video["completedAt"]);
    }

    [Fact]
    public async Task JobsSuccessReadsTheUrlsFromTheResultJsonString()
    {
        var video = await ReadAfterKieSaysAsync("sora-2", new
        {
            taskId = "task_sora_1",
            state = "success",
            resultJson = $$"""{"resultUrls":["{{Url}}"]}""",
            failCode = "",
            failMsg = "",
            completeTime = 1_764_075_730_000L, // epoch milliseconds
        });

        Assert.Equal("completed", video["status"].Str());
        Assert.Equal(100, video["progress"]!.GetValue<int>());
        Assert.Equal([Url], video["videoUrls"].Strings());
        Assert.Equal("2025-11-25T13:02:10.000Z", video["completedAt"].Str());
    }

    [Fact]
    public async Task JobsFailureCarriesKiesFailCodeAndMessage()
    {
        var video = await ReadAfterKieSaysAsync("sora-2-pro", new
        {
            taskId = "task_sora_1",
            state = "fail",
            resultJson = (string?)null,
            failCode = "500",
            failMsg = "Internal server error",
        });

        Assert.Equal("failed", video["status"].Str());
        Assert.Equal("generation_failed", video["error"]!["code"].Str());
        Assert.Contains("Internal server error", video["error"]!["message"].Str());
        Assert.Empty(video["videoUrls"]!.AsArray());
    }

    [Fact]
    public async Task AContentPolicyFailureIsReportedAsContentRejected()
    {
        var video = await ReadAfterKieSaysAsync("sora-2", new { taskId = "task_sora_1", state = "fail", failCode = "422", failMsg = "prohibited content" });

        Assert.Equal("content_rejected", video["error"]!["code"].Str());
    }

    [Theory]
    [InlineData(0, "in_progress")]
    [InlineData(2, "failed")]
    [InlineData(3, "failed")]
    public async Task VeoSuccessFlagsMapToTheVideoStatus(int successFlag, string status)
    {
        var video = await ReadAfterKieSaysAsync("veo-3.1", new
        {
            taskId = "veo_task_1",
            successFlag,
            errorCode = successFlag > 0 ? 501 : (int?)null,
            errorMessage = successFlag > 0 ? "Generation failed" : "",
        });

        Assert.Equal(status, video["status"].Str());
        if (status == "failed")
        {
            Assert.Equal("generation_failed", video["error"]!["code"].Str());
            Assert.Contains("Generation failed", video["error"]!["message"].Str());
        }
    }

    [Fact]
    public async Task VeoSuccessReadsResponseResultUrlsAndAStringTimestamp()
    {
        var video = await ReadAfterKieSaysAsync("veo-3.1-fast", new
        {
            taskId = "veo_task_1",
            successFlag = 1,
            response = new { resultUrls = new[] { Url }, originUrls = Array.Empty<string>(), resolution = "720p" },
            completeTime = "2026-11-25 13:00:03",
            createTime = "2026-11-25 13:00:01",
        });

        Assert.Equal("completed", video["status"].Str());
        Assert.Equal([Url], video["videoUrls"].Strings());
        Assert.Equal("2026-11-25T13:00:03.000Z", video["completedAt"].Str());
    }

    [Fact]
    public async Task VeoResultUrlsGivenAsAJsonStringAreReadToo()
    {
        var video = await ReadAfterKieSaysAsync("veo-3.1-fast", new
        {
            taskId = "veo_task_1",
            successFlag = 1,
            response = new { resultUrls = $"[\"{Url}\"]" },
            completeTime = 1_764_075_730L, // epoch seconds
        });

        Assert.Equal([Url], video["videoUrls"].Strings());
        Assert.Equal("2025-11-25T13:02:10.000Z", video["completedAt"].Str());
    }

    [Theory]
    [InlineData("sora-2")]
    [InlineData("veo-3.1")]
    public async Task ASuccessWithoutAnyUrlIsAFailureWithNoOutput(string model)
    {
        object record = model == "sora-2"
            ? new { taskId = "task_sora_1", state = "success", resultJson = """{"resultUrls":[]}""" }
            : new { taskId = "veo_task_1", successFlag = 1, response = new { resultUrls = Array.Empty<string>() } };

        var video = await ReadAfterKieSaysAsync(model, record);

        Assert.Equal("failed", video["status"].Str());
        Assert.Equal("no_output", video["error"]!["code"].Str());
    }

    [Fact]
    public async Task AVeoContentPolicyFailureIsContentRejected()
    {
        var video = await ReadAfterKieSaysAsync("veo-3.1", new { taskId = "veo_task_1", successFlag = 2, errorCode = 400, errorMessage = "flagged" });

        Assert.Equal("content_rejected", video["error"]!["code"].Str());
    }

    [Fact]
    public async Task NumbersSentAsStringsAndStringsSentAsNumbersAreRead()
    {
        var veo = await ReadAfterKieSaysAsync("veo-3.1", new { taskId = "veo_task_1", successFlag = "3", errorCode = "501", errorMessage = "boom" });

        Assert.Equal("failed", veo["status"].Str());
        Assert.Equal("generation_failed", veo["error"]!["code"].Str());
    }

    [Fact]
    public async Task AJobsFailCodeSentAsANumberIsRead()
    {
        var video = await ReadAfterKieSaysAsync("sora-2", new { taskId = "task_sora_1", state = "fail", failCode = 422, failMsg = "prohibited" });

        Assert.Equal("content_rejected", video["error"]!["code"].Str());
    }

    [Fact]
    public async Task TheQuickstartShapeWithUrlsOnDataIsReadToo()
    {
        var video = await ReadAfterKieSaysAsync("veo-3.1-fast", new { taskId = "veo_task_1", successFlag = 1, resultUrls = $"[\"{Url}\"]" });

        Assert.Equal("completed", video["status"].Str());
        Assert.Equal([Url], video["videoUrls"].Strings());
    }

    [Fact]
    public async Task ARecordWithoutDataLeavesTheVideoAsItWas()
    {
        var video = await ReadAfterKieSaysAsync("veo-3.1-fast", "null");

        Assert.Equal("queued", video["status"].Str());
    }

    [Fact]
    public async Task AnImpossibleTimestampIsIgnoredNotAServerError()
    {
        var video = await ReadAfterKieSaysAsync("sora-2", new
        {
            taskId = "task_sora_1",
            state = "success",
            resultJson = $$"""{"resultUrls":["{{Url}}"]}""",
            completeTime = 1_764_075_730_000_000_000L, // nanoseconds
        });

        Assert.Equal("completed", video["status"].Str());
        Assert.Equal("2026-11-25T13:00:05.000Z", video["completedAt"].Str()); // the gateway's own time instead
    }
}
