using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Telemetry;

/// <summary>Videos created, completed and failed by client and model, and how long they took.</summary>
public sealed class VideoMetricsTests : GatewayTest
{
    private async Task<string> CreateAsync(HttpClient client) =>
        (await (await client.PostVideoAsync(new { prompt = "a fox" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str();

    private async Task<string> ReadAfterAsync(string id, TimeSpan later)
    {
        Clock.Advance(later);
        return (await (await Alice.GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK))["status"].Str();
    }

    [Fact]
    public async Task ACreateThatCompletesIsCountedCreatedThenCompletedWithItsTimeToCompletion()
    {
        using var created = Gateway.Metric<long>("kiegateway.videos.created");
        using var completed = Gateway.Metric<long>("kiegateway.videos.completed");
        using var failed = Gateway.Metric<long>("kiegateway.videos.failed");
        using var took = Gateway.Metric<double>("kiegateway.videos.time_to_completion");

        var id = await CreateAsync(Alice);
        var create = Assert.Single(created.GetMeasurementSnapshot());
        Assert.Empty(completed.GetMeasurementSnapshot());
        Kie.SetRecord("veo_task_1", KieRecords.VeoCompleted());
        Assert.Equal("completed", await ReadAfterAsync(id, TimeSpan.FromSeconds(5)));
        Assert.Equal("completed", await ReadAfterAsync(id, TimeSpan.FromSeconds(5))); // a terminal video is not counted again

        Assert.Equal((1, "alice", "veo-3.1-fast"), (create.Value, create.Of("client"), create.Of("model")));
        var done = Assert.Single(completed.GetMeasurementSnapshot());
        Assert.Equal((1, "alice", "veo-3.1-fast"), (done.Value, done.Of("client"), done.Of("model")));
        Assert.Empty(failed.GetMeasurementSnapshot());
        var duration = Assert.Single(took.GetMeasurementSnapshot());
        Assert.Equal((5.0, "veo-3.1-fast", "completed"), (duration.Value, duration.Of("model"), duration.Of("status")));
    }

    [Fact]
    public async Task AFailedVideoIsCountedByClientModelAndErrorCode()
    {
        using var failed = Gateway.Metric<long>("kiegateway.videos.failed");
        using var took = Gateway.Metric<double>("kiegateway.videos.time_to_completion");

        var id = await CreateAsync(Gateway.ClientWithKey(TestClients.BobKey));
        Kie.SetRecord("veo_task_1", new { taskId = "veo_task_1", successFlag = 2, errorCode = 500, errorMessage = "boom" });
        Clock.Advance(TimeSpan.FromSeconds(7));
        var status = (await (await Gateway.ClientWithKey(TestClients.BobKey).GetAsync($"/videos/{id}")).AssertJsonAsync(HttpStatusCode.OK))["status"].Str();

        Assert.Equal("failed", status);
        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal(("bob", "veo-3.1-fast", "generation_failed"), (failure.Of("client"), failure.Of("model"), failure.Of("error.type")));
        var duration = Assert.Single(took.GetMeasurementSnapshot());
        Assert.Equal((7.0, "failed"), (duration.Value, duration.Of("status")));
    }

    [Fact]
    public async Task ACreateWhoseOutcomeIsUnknownIsCountedFailedNotCreatedAndNotTimed()
    {
        using var created = Gateway.Metric<long>("kiegateway.videos.created");
        using var failed = Gateway.Metric<long>("kiegateway.videos.failed");
        using var took = Gateway.Metric<double>("kiegateway.videos.time_to_completion");
        Kie.Script("/api/v1/veo/generate", new FakeAnswer(Drop: true));

        var response = await Alice.PostVideoAsync(new { prompt = "a fox" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Empty(created.GetMeasurementSnapshot());
        Assert.Equal("upstream_outcome_unknown", Assert.Single(failed.GetMeasurementSnapshot()).Of("error.type"));
        Assert.Empty(took.GetMeasurementSnapshot()); // about 0 s would pull the histogram down
    }
}
