using System.Diagnostics;
using KieGateway.Bench.Processes;
using KieGateway.Bench.Webhooks;

namespace KieGateway.Bench.Drill;

/// <summary>
/// The middle of the drill: <c>kill -9</c> of the running gateway while creates (and, if it can be had, a webhook)
/// are under way, then the same gateway started again on the same port and store; the clients retry meanwhile.
/// </summary>
internal static class GatewayKill
{
    public static async Task<(KillMoment Moment, ChildProcess Restarted)> RunAsync(
        DrillGateway gateway, ChildProcess running, ClientTally tally, ReceivedWebhooks received, CancellationToken ct)
    {
        await WebhookUnderWayAsync(received, ct);
        var clock = Stopwatch.StartNew();
        var (acceptedBefore, webhooksBefore) = (tally.Accepted, received.Deliveries.Count);
        var inFlight = tally.KillStarting();
        await DrillGateway.KillAsync(running, ct);
        inFlight += tally.KillDone();
        Console.WriteLine($"drill: killed the gateway (pid {running.Id}) after {acceptedBefore} accepted keys, {inFlight} creates in flight");

        var (restarted, ready) = await gateway.StartAsync(2, ct);
        tally.MarkRestarted();
        var moment = new KillMoment(true, acceptedBefore, inFlight, webhooksBefore, clock.Elapsed, ready);
        Console.WriteLine($"drill: restarted, ready {moment.Downtime.TotalSeconds:0.0} s after the kill");
        return (moment, restarted);
    }

    /// <summary>
    /// Holds the kill (up to 10 s) for a moment when the receiver is working on a delivery, so that the drill also
    /// covers a webhook the gateway sent but never saw answered.
    /// </summary>
    private static async Task WebhookUnderWayAsync(ReceivedWebhooks received, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (received.InProcessing == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(5, ct);
        }
    }
}
