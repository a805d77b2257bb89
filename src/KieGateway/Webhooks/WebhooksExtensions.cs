using KieGateway.Models;
using KieGateway.Security;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KieGateway.Webhooks;

internal static class WebhooksExtensions
{
    /// <summary>
    /// The outbox (an interceptor on the store's SaveChanges), the dispatcher that drains it, and
    /// its own HTTP client: no redirects, no proxy, no retry handler (the outbox schedule is the retry), and
    /// connections only to addresses the private-network guard allows.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<IValidateOptions<GatewayOptions>, WebhookSecretsValidator>();
        services.AddSingleton<IInterceptor, WebhookOutboxInterceptor>();
        services.AddScoped<WebhookDelivery>();
        services.AddHostedService<WebhookDispatcher>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<WebhookSender>(http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan; // WebhookSender applies Webhooks:Timeout on the injected clock
                http.DefaultRequestHeaders.UserAgent.ParseAdd("KieGateway-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                // A proxy would be the one connecting: the guard must see the receiver's own addresses.
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<GuardedConnector>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        return services;
    }
}
