using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KieGateway.Storage;

internal static class StorageExtensions
{
    /// <summary>
    /// SQLite by default, a file under the content root's <c>data/</c>, created on start.
    /// </summary>
    public static IServiceCollection AddGatewayStore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider != StorageProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Storage:Provider '{storage.Provider}' is not available in this build yet; use Sqlite.");
        }

        var connectionString = configuration.GetConnectionString("Gateway");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(environment.ContentRootPath, "data", "gateway.db"),
            }.ToString();
        }

        // Features hook into SaveChanges by registering an interceptor (the webhook outbox does).
        services.AddDbContext<GatewayDbContext>((sp, db) => db.UseSqlite(connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddHostedService<StoreInitializer>();
        return services;
    }
}
