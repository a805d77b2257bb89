using KieGateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KieGateway.Idempotency;

/// <summary>Claims, completes and releases a client's idempotency keys in the store.</summary>
internal sealed class IdempotencyKeys(
    GatewayDbContext db, TimeProvider time, IOptions<IdempotencyOptions> options, IOptions<Kie.KieOptions> kie)
{
    public async Task<IdempotencyOutcome> BeginAsync(string clientId, string key, string requestHash, string videoId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var existing = await db.IdempotencyKeys.SingleOrDefaultAsync(k => k.ClientId == clientId && k.Key == key, ct);
        if (existing is not null && existing.ExpiresAt <= now)
        {
            // Only the expired row: a concurrent retry may already have put a fresh one in its place.
            await db.IdempotencyKeys.Where(k => k.ClientId == clientId && k.Key == key && k.ExpiresAt <= now).ExecuteDeleteAsync(ct);
            db.Entry(existing).State = EntityState.Detached;
            existing = null;
        }

        if (existing is null)
        {
            var record = new IdempotencyRecord
            {
                ClientId = clientId,
                Key = key,
                RequestHash = requestHash,
                VideoId = videoId,
                State = IdempotencyState.InFlight,
                CreatedAt = now,
                ExpiresAt = now + options.Value.Retention,
            };
            db.IdempotencyKeys.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return new IdempotencyOutcome.Started(record);
            }
            catch (DbUpdateException)
            {
                // Another request with the same key got there first (the key is the primary key).
                db.Entry(record).State = EntityState.Detached;
                existing = await db.IdempotencyKeys.AsNoTracking().SingleAsync(k => k.ClientId == clientId && k.Key == key, ct);
            }
        }

        return existing switch
        {
            { RequestHash: var hash } when hash != requestHash => new IdempotencyOutcome.Reused(),
            { State: IdempotencyState.Completed, ResponseStatus: { } status, ResponseJson: { } json } =>
                new IdempotencyOutcome.Replay(status, json, existing.VideoId),
            // Longer than any create may take: the request that held the key is gone.
            _ when now - existing.CreatedAt > kie.Value.CreateInFlightWindow =>
                new IdempotencyOutcome.Abandoned(await db.IdempotencyKeys.SingleAsync(k => k.ClientId == clientId && k.Key == key, ct)),
            _ => new IdempotencyOutcome.InFlight(),
        };
    }

    public async Task CompleteAsync(IdempotencyRecord record, int status, string json)
    {
        record.State = IdempotencyState.Completed;
        record.ResponseStatus = status;
        record.ResponseJson = json;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Nothing was created (Kie refused, or the model is off): the key may be used again.</summary>
    public async Task ReleaseAsync(IdempotencyRecord record)
    {
        // Only this claim: another request that has since claimed the key keeps it.
        await db.IdempotencyKeys
            .Where(k => k.ClientId == record.ClientId && k.Key == record.Key && k.VideoId == record.VideoId && k.State == IdempotencyState.InFlight)
            .ExecuteDeleteAsync(CancellationToken.None);
        db.Entry(record).State = EntityState.Detached;
    }
}
