using KieGateway.Models;
using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Usage;

/// <summary>
/// Keeps each client within its daily and monthly credit budgets (UTC day, UTC calendar month). The check runs
/// after the new video's row is written and counts it with every other: of two creates racing for the last
/// credits, the one that commits later always sees the other, so a budget is never overrun.
/// </summary>
internal sealed class BudgetGuard(GatewayDbContext db, IOptionsMonitor<GatewayOptions> gateway, TimeProvider time)
{
    public async Task EnsureWithinAsync(VideoRecord created, CancellationToken ct)
    {
        var budget = gateway.CurrentValue.Clients.FirstOrDefault(c => c.Id == created.ClientId)?.Budget;
        if (budget is null || (budget.DailyCredits is null && budget.MonthlyCredits is null))
        {
            return;
        }

        var now = time.GetUtcNow();
        var (day, month) = Periods.Starting(now);
        var spent = await Spending.OfClientAsync(db, created.ClientId, month, ct);
        var today = spent.Where(s => s.CreatedAt >= day).Sum(s => s.Credits);
        var thisMonth = spent.Sum(s => s.Credits);
        if (budget.DailyCredits is { } daily && today > daily)
        {
            throw new BudgetExceededException("daily", daily, today - created.EstimatedCredits, created.EstimatedCredits, day.AddDays(1));
        }

        if (budget.MonthlyCredits is { } monthly && thisMonth > monthly)
        {
            throw new BudgetExceededException("monthly", monthly, thisMonth - created.EstimatedCredits, created.EstimatedCredits, month.AddMonths(1));
        }
    }
}

/// <summary>A create that would take its client past a budget; nothing was sent to Kie.</summary>
internal sealed class BudgetExceededException(string period, decimal budget, decimal spent, decimal estimate, DateTimeOffset resetsAt)
    : Exception($"The {period} budget of {budget} credits would be exceeded: {spent} spent or committed, this video is "
                + $"estimated at {estimate}. It resets at {resetsAt:yyyy-MM-dd'T'HH:mm:ss'Z'}.")
{
    public DateTimeOffset ResetsAt { get; } = resetsAt;
}

internal static class Periods
{
    /// <summary>The start of the current UTC day and UTC month.</summary>
    public static (DateTimeOffset Day, DateTimeOffset Month) Starting(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return (new DateTimeOffset(utc.Date, TimeSpan.Zero), new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
