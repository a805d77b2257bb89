using KieGateway.Storage;
using KieGateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KieGateway.Tests.Webhooks;

/// <summary>The event and the status change it announces are committed together, or not at all.</summary>
public sealed class WebhookOutboxTests : WebhookTest
{
    private const string VideoId = "vid_0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task ASaveThatFailsWritesNeitherTheStatusNorTheEvent()
    {
        await StoreAsync(db => db.Videos.Add(VideoRow(VideoId, Receiver.HookUrl)));

        // The same SaveChanges also inserts a duplicate id, so the database refuses all of it.
        var refused = await Record.ExceptionAsync(() => StoreAsync(async db =>
        {
            (await db.Videos.SingleAsync(v => v.Id == VideoId)).Status = KieGateway.Videos.VideoStatus.Completed;
            db.Videos.Add(VideoRow(VideoId, Receiver.HookUrl));
        }));

        Assert.IsType<DbUpdateException>(refused);
        await StoreAsync(async db =>
        {
            Assert.Equal(KieGateway.Videos.VideoStatus.Queued, (await db.Videos.SingleAsync(v => v.Id == VideoId)).Status);
            Assert.Empty(await db.WebhookEvents.ToListAsync());
        });
    }

    [Fact]
    public async Task OneTerminalStatusWritesOneEventWhateverIsSavedAfterIt()
    {
        await StoreAsync(db => db.Videos.Add(VideoRow(VideoId, Receiver.HookUrl)));

        await StoreAsync(async db => (await db.Videos.SingleAsync(v => v.Id == VideoId)).Status = KieGateway.Videos.VideoStatus.Failed);
        await StoreAsync(async db => (await db.Videos.SingleAsync(v => v.Id == VideoId)).Progress = 7);

        await StoreAsync(async db =>
        {
            var stored = Assert.Single(await db.WebhookEvents.ToListAsync());
            Assert.Equal("video.failed", stored.Type);
            Assert.Equal(VideoId, stored.VideoId);
            Assert.Equal(Clock.GetUtcNow(), stored.CreatedAt);
        });
    }

    [Fact]
    public void EveryWebhookConfigurationProblemIsReportedAtOnce()
    {
        using var gateway = new GatewayFactory(Kie, new Dictionary<string, string?>
        {
            ["Webhooks:Schedule:0"] = "00:00:05",
            ["Webhooks:Schedule:1"] = "-00:00:01",
            ["Webhooks:Timeout"] = "00:00:00",
            ["Webhooks:PollInterval"] = "00:00:00",
            ["Webhooks:BatchSize"] = "0",
            ["Gateway:Clients:1:WebhookSecret"] = "not-a-secret",
        });

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.IsType<OptionsValidationException>(error is AggregateException a ? a.InnerExceptions[0] : error);
        Assert.Contains("Webhooks:Schedule:1", error.Message);
        Assert.DoesNotContain("Webhooks:Schedule:0", error.Message);
        Assert.Contains("Webhooks:Timeout", error.Message);
        Assert.Contains("Webhooks:PollInterval", error.Message);
        Assert.Contains("Webhooks:BatchSize", error.Message);
        Assert.Contains("Gateway:Clients:1:WebhookSecret", error.Message);
        File.Delete(gateway.DatabasePath);
    }
}
