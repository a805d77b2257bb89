using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;

namespace KieGateway.Usage;

/// <summary>One stored video as usage sees it.</summary>
internal sealed record SpentVideo(string ClientId, string Model, DateTimeOffset CreatedAt, Videos.VideoStatus Status,
    string? ErrorCode, decimal EstimatedCredits, decimal? ChargedCredits)
{
    public decimal Credits => CreditEstimates.Spent(Status, ErrorCode, EstimatedCredits, ChargedCredits);
}

/// <summary>
/// Reads the videos of a period with just the columns usage needs. Sums are made here rather than in SQL:
/// SQLite keeps decimals and dates in forms it cannot add or truncate to a day.
/// </summary>
internal static class Spending
{
    public static Task<List<SpentVideo>> OfClientAsync(GatewayDbContext db, string clientId, DateTimeOffset from, CancellationToken ct) =>
        InPeriodAsync(db, clientId, from, null, ct);

    public static Task<List<SpentVideo>> InPeriodAsync(
        GatewayDbContext db, string? clientId, DateTimeOffset from, DateTimeOffset? until, CancellationToken ct) =>
        db.Videos.AsNoTracking()
            .Where(v => (clientId == null || v.ClientId == clientId) && v.CreatedAt >= from && (until == null || v.CreatedAt < until))
            .Select(v => new SpentVideo(v.ClientId, v.Model, v.CreatedAt, v.Status, v.ErrorCode, v.EstimatedCredits, v.ChargedCredits))
            .ToListAsync(ct);
}
