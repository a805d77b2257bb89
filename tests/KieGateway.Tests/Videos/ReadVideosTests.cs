using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Videos;

public sealed class ReadVideosTests : GatewayTest
{
    [Theory]
    [InlineData("not-an-id")]
    [InlineData("vid_")]
    [InlineData("vid_XYZ")]
    [InlineData("veo_task_1")]
    [InlineData("vid_0123456789abcdef0123456789abcdef0")]
    [InlineData("..%2F..%2Fetc")]
    public async Task AMalformedIdIsNotFound(string id)
    {
        var response = await Alice.GetAsync($"/videos/{id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Empty(Kie.Calls);
    }

    [Fact]
    public async Task AVeryLongIdIsNotFound()
    {
        var response = await Alice.GetAsync($"/videos/vid_{new string('a', 5000)}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TheListPagesNewestFirstWithACursor()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await (await Alice.PostVideoAsync(new { prompt = $"p{i}" })).AssertJsonAsync(HttpStatusCode.Accepted))["id"].Str());
        }

        var first = await (await Alice.GetAsync("/videos?limit=2")).AssertJsonAsync(HttpStatusCode.OK);
        var second = await (await Alice.GetAsync($"/videos?limit=2&cursor={first["nextCursor"].Str()}")).AssertJsonAsync(HttpStatusCode.OK);
        var third = await (await Alice.GetAsync($"/videos?limit=2&cursor={second["nextCursor"].Str()}")).AssertJsonAsync(HttpStatusCode.OK);

        var seen = new[] { first, second, third }.SelectMany(p => p["data"]!.AsArray().Select(v => v!["id"].Str())).ToList();
        Assert.Equal(Enumerable.Reverse(ids), seen);
        Assert.Null(third["nextCursor"]);
    }

    [Fact]
    public async Task TheListFiltersByStatusAndModel()
    {
        await Alice.PostVideoAsync(new { prompt = "veo" });
        await Alice.PostVideoAsync(new { prompt = "sora", model = "sora-2" });
        Kie.Script("/api/v1/jobs/createTask", new FakeAnswer(Drop: true));
        await Alice.PostVideoAsync(new { prompt = "lost", model = "sora-2" });

        var sora = await (await Alice.GetAsync("/videos?model=sora-2")).AssertJsonAsync(HttpStatusCode.OK);
        var failed = await (await Alice.GetAsync("/videos?status=failed")).AssertJsonAsync(HttpStatusCode.OK);
        var queuedSora = await (await Alice.GetAsync("/videos?status=queued&model=sora-2")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, sora["data"]!.AsArray().Count);
        Assert.Equal("lost", Assert.Single(failed["data"]!.AsArray())!["prompt"].Str());
        Assert.Equal("sora", Assert.Single(queuedSora["data"]!.AsArray())!["prompt"].Str());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("status=done", "status")]
    [InlineData("model=gpt", "model")]
    [InlineData("cursor=%%%", "cursor")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    public async Task BadListParametersAreValidationProblems(string query, string field)
    {
        var response = await Alice.GetAsync($"/videos?{query}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field));
    }
}
