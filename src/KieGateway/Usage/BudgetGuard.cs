using KieGateway.Models;
using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Usage;

/// <summary>
/// Keeps each client within its daily and monthly credit budgets (UTC day, UTC calendar month). A new video's row
/// is written only if its estimate still fits, and the check and the write happen under one lock per client that
/// every replica shares (the store's), so creates racing for a client's last credits are taken one at a time:
/// each one that fits is accepted, and none takes the client past its budget.
/// </summary>
internal sealed class BudgetGuard(GatewayDbContext db, IOptionsMonitor<GatewayOptions> gateway, TimeProvider time)
{
    /// <summary>Another user of PostgreSQL advisory locks on the same database keeps to its own key space.</summary>
    private const int LockSpace = 0x4B47_4231; // "KGB1"

    /// <summary>Writes the video's row, or throws <see cref="BudgetExceededException"/> and writes nothing.</summary>
    public async Task ReserveAsync(VideoRecord created, CancellationToken ct)
    {
        var budget = gateway.CurrentValue.Clients.FirstOrDefault(c => c.Id == created.ClientId)?.Budget;
        if (budget is null || (budget.DailyCredits is null && budget.MonthlyCredits is null))
        {
            db.Videos.Add(created);
            await db.SaveChangesAsync(ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockClientAsync(created.ClientId, ct);
        var (day, month) = Periods.Starting(time.GetUtcNow());
        var spent = await Spending.OfClientAsync(db, created.ClientId, month, ct);
        var today = spent.Where(s => s.CreatedAt >= day).Sum(s => s.Credits);
        var thisMonth = spent.Sum(s => s.Credits);
        var estimate = created.EstimatedCredits;
        if (budget.DailyCredits is { } daily && today + estimate > daily)
        {
            throw new BudgetExceededException("daily", daily, today, estimate, day.AddDays(1));
        }

        if (budget.MonthlyCredits is { } monthly && thisMonth + estimate > monthly)
        {
            throw new BudgetExceededException("monthly", monthly, thisMonth, estimate, month.AddMonths(1));
        }

        db.Videos.Add(created);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// PostgreSQL: an advisory lock on the client, held until the transaction ends. SQLite: nothing more to do, as
    /// Microsoft.Data.Sqlite begins a transaction with BEGIN IMMEDIATE, which already holds the database's one write lock.
    /// </summary>
    private Task LockClientAsync(string clientId, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({LockSpace}, hashtext({clientId}))", ct)
            : Task.CompletedTask;
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
