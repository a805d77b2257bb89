using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KieGateway.Storage;

internal static class StorageExtensions
{
    /// <summary>
    /// SQLite by default (a file under the content root's <c>data/</c>) or PostgreSQL; either way the
    /// schema is brought up to date by migrations on start.
    /// </summary>
    public static IServiceCollection AddGatewayStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString("Gateway");
        if (storage.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Storage:Provider is Postgres but ConnectionStrings:Gateway is not set (e.g. ConnectionStrings__Gateway="
                    + "\"Host=db;Database=kiegateway;Username=kiegateway;Password=...\").");
            }

            // Features hook into SaveChanges by registering an interceptor (the webhook outbox does); singletons, as the
            // pool's options are. Pooled: the contexts hold no per-request state, and a read no longer builds one.
            services.AddDbContextPool<GatewayDbContext, PostgresGatewayDbContext>((sp, db) => db.UseNpgsql(connectionString)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                connectionString = new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(environment.ContentRootPath, "data", "gateway.db"),
                }.ToString();
            }

            // SQLite waits for another writer's lock itself (its synchronous setting, and so durability, is left as it is).
            services.AddDbContextPool<GatewayDbContext, SqliteGatewayDbContext>((sp, db) => db.UseSqlite(connectionString)
                .AddInterceptors(sp.GetServices<IInterceptor>()).AddInterceptors(new SqliteBusyTimeout()));
        }

        services.AddHostedService<StoreInitializer>();
        return services;
    }
}
