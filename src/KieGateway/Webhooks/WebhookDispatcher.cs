using Microsoft.Extensions.Options;

namespace KieGateway.Webhooks;

/// <summary>
/// Sends due webhook events from the store, a batch per poll interval. Everything it needs is in
/// the store, so after a restart it simply carries on with every undelivered event.
/// </summary>
internal sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A store hiccup must not end deliveries for the life of the process.
                logger.LogError(ex, "Webhook dispatch failed; trying again in {PollInterval}", options.Value.PollInterval);
                await DelayQuietlyAsync(stoppingToken);
            }
        }
    }

    private async Task DispatchDueAsync(CancellationToken ct)
    {
        IReadOnlyList<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<WebhookDelivery>().FindDueAsync(options.Value.BatchSize, ct);
        }

        // Each event in its own scope: one slow receiver does not hold up the others in the batch.
        await Task.WhenAll(due.Select(seq => DeliverAsync(seq, ct)));
    }

    private async Task DeliverAsync(long seq, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WebhookDelivery>().DeliverAsync(seq, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Webhook event {WebhookSeq} could not be processed; it stays pending", seq);
        }
    }

    private async Task DelayQuietlyAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(options.Value.PollInterval, time, ct);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
