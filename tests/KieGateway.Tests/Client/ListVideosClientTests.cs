using KieGateway.Client;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Client;

/// <summary>The typed client lists a client's videos as one stream, a page at a time.</summary>
public sealed class ListVideosClientTests : GatewayTest
{
    [Fact]
    public async Task ListingFollowsNextCursorToTheLastPageNewestFirst()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = $"p{i}" })).Id);
        }

        var listed = await host.Client.ListVideosAsync(new ListVideosQuery { PageSize = 2 }).Select(v => v.Id).ToListAsync();

        Assert.Equal(Enumerable.Reverse(created), listed);
        var pages = host.Sent.Where(s => s.Method == HttpMethod.Get).Select(s => s.Uri.Query).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Equal("?limit=2", pages[0]);
        Assert.All(pages.Skip(1), query => Assert.Contains("&cursor=", query));
    }

    [Fact]
    public async Task ListingPassesTheStatusAndModelFilters()
    {
        using var host = ClientHost.Start(Gateway, Clock);
        var failed = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "fails" });
        var sora = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "sora", Model = "sora-2" });
        var runs = await host.Client.CreateVideoAsync(new CreateVideoRequest { Prompt = "runs" });
        Kie.SetRecord("veo_task_1", new { taskId = "veo_task_1", successFlag = 2, errorCode = 400, errorMessage = "flagged" });
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(VideoStatus.Failed, (await host.Client.GetVideoAsync(failed.Id)).Status);
        Assert.Equal(VideoStatus.InProgress, (await host.Client.GetVideoAsync(runs.Id)).Status);

        var ids = async (ListVideosQuery query) => await host.Client.ListVideosAsync(query).Select(v => v.Id).ToListAsync();

        Assert.Equal([failed.Id], await ids(new ListVideosQuery { Status = VideoStatus.Failed }));
        Assert.Equal([runs.Id], await ids(new ListVideosQuery { Status = VideoStatus.InProgress }));
        Assert.Equal([sora.Id], await ids(new ListVideosQuery { Status = VideoStatus.Queued, Model = "sora-2" }));
    }
}
