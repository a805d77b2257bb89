using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Webhooks;

/// <summary>The dispatcher outlives a broken store: it logs, waits a poll interval, and carries on.</summary>
public sealed class WebhookDispatcherTests : WebhookTest
{
    [Fact]
    public async Task TheDispatcherKeepsGoingAfterTheStoreFails()
    {
        await SqlAsync("ALTER TABLE webhook_events RENAME TO webhook_events_away");
        await AdvanceUntilAsync(() => Gateway.Log.Lines.Count(l => l.StartsWith("Error") && l.Contains("Webhook dispatch failed")) >= 2,
            TimeSpan.FromSeconds(1));
        await SqlAsync("ALTER TABLE webhook_events_away RENAME TO webhook_events");

        await FinishVideoAsync(Alice);
        await WaitForHooksAsync(1);

        Assert.Single(Hooks);
    }

    private async Task SqlAsync(string sql)
    {
        using var scope = Gateway.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Database.ExecuteSqlRawAsync(sql);
    }
}
