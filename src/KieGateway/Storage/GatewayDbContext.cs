using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KieGateway.Storage;

/// <summary>
/// The store's model, one for both databases. Each database has its own subclass only so that each keeps
/// its own migrations (SQLite and PostgreSQL write different DDL).
/// </summary>
internal abstract class GatewayDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>A version-00 traceparent is 55 characters; a little room for a later version's.</summary>
    private const int TraceParentLength = 64;

    public DbSet<VideoRecord> Videos => Set<VideoRecord>();

    public DbSet<Idempotency.IdempotencyRecord> IdempotencyKeys => Set<Idempotency.IdempotencyRecord>();

    public DbSet<WebhookEventRecord> WebhookEvents => Set<WebhookEventRecord>();

    public DbSet<WebhookAttemptRecord> WebhookAttempts => Set<WebhookAttemptRecord>();

    public DbSet<KiePermitRecord> KiePermits => Set<KiePermitRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date type; a number keeps comparisons and ordering in the database.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var key = modelBuilder.Entity<Idempotency.IdempotencyRecord>();
        key.ToTable("idempotency_keys");
        key.HasKey(k => new { k.ClientId, k.Key });
        key.Property(k => k.ClientId).HasMaxLength(200);
        key.Property(k => k.Key).HasMaxLength(Idempotency.IdempotencyOptions.MaxKeyLength);
        key.Property(k => k.RequestHash).HasMaxLength(64);
        key.Property(k => k.VideoId).HasMaxLength(64);
        key.Property(k => k.State).HasConversion<string>().HasMaxLength(16);
        key.HasIndex(k => k.ExpiresAt);

        var video = modelBuilder.Entity<VideoRecord>();
        video.ToTable("videos");
        video.HasKey(v => v.Seq);
        video.Property(v => v.Seq).ValueGeneratedOnAdd();
        video.HasIndex(v => v.Id).IsUnique();
        video.HasIndex(v => v.CallbackToken).IsUnique();
        video.Property(v => v.CallbackToken).HasMaxLength(64);
        video.HasIndex(v => new { v.ClientId, v.Seq });
        video.HasIndex(v => new { v.Status, v.NextPollAt });
        video.Property(v => v.Id).HasMaxLength(64);
        video.Property(v => v.ClientId).HasMaxLength(200);
        video.Property(v => v.Model).HasMaxLength(64);
        video.Property(v => v.Provider).HasMaxLength(64);
        video.Property(v => v.KieTaskId).HasMaxLength(200);
        video.Property(v => v.AspectRatio).HasMaxLength(8);
        video.Property(v => v.ErrorCode).HasMaxLength(64);
        video.Property(v => v.TraceParent).HasMaxLength(TraceParentLength);
        video.Property(v => v.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        // A refresh writes its result only while the lease is still its own (RefreshLease).
        video.Property(v => v.LeasedUntil).IsConcurrencyToken();
        video.Property(v => v.Metadata).HasConversion(
            m => JsonSerializer.Serialize(m, JsonSerializerOptions.Default),
            s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, JsonSerializerOptions.Default) ?? new(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                d => d.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                d => new Dictionary<string, string>(d)));

        ConfigureWebhooks(modelBuilder);

        var permit = modelBuilder.Entity<KiePermitRecord>();
        permit.ToTable("kie_permits");
        permit.HasKey(p => new { p.Bucket, p.Slot });
        permit.Property(p => p.Bucket).HasMaxLength(32);
    }

    private static void ConfigureWebhooks(ModelBuilder modelBuilder)
    {
        var webhook = modelBuilder.Entity<WebhookEventRecord>();
        webhook.ToTable("webhook_events");
        webhook.HasKey(e => e.Seq);
        webhook.Property(e => e.Seq).ValueGeneratedOnAdd();
        webhook.HasIndex(e => e.Id).IsUnique();
        webhook.HasIndex(e => e.VideoId).IsUnique(); // a video ends once, so it has one event
        // The dispatcher's query: pending events by due time.
        webhook.HasIndex(e => new { e.Status, e.NextAttemptAt });
        webhook.Property(e => e.Id).HasMaxLength(64);
        webhook.Property(e => e.VideoId).HasMaxLength(64);
        webhook.Property(e => e.ClientId).HasMaxLength(200);
        webhook.Property(e => e.Type).HasMaxLength(32);
        webhook.Property(e => e.Url).HasMaxLength(2048);
        webhook.Property(e => e.TraceParent).HasMaxLength(TraceParentLength);
        webhook.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        webhook.HasMany(e => e.Attempts).WithOne().HasForeignKey(a => a.EventSeq).OnDelete(DeleteBehavior.Cascade);

        var attempt = modelBuilder.Entity<WebhookAttemptRecord>();
        attempt.ToTable("webhook_attempts");
        attempt.HasKey(a => a.Seq);
        attempt.Property(a => a.Seq).ValueGeneratedOnAdd();
        attempt.Property(a => a.Error).HasMaxLength(500);
    }
}
