using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using KieGateway.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="KieGatewayClient"/> as a typed <see cref="HttpClient"/>.</summary>
public static class KieGatewayClientExtensions
{
    /// <summary>
    /// Adds the typed client with validated options (checked at start when the host validates options).
    /// The returned builder takes handlers such as a resilience pipeline: creates are safe to retry there,
    /// since each create carries one Idempotency-Key across its retries.
    /// </summary>
    public static IHttpClientBuilder AddKieGatewayClient(this IServiceCollection services, Action<KieGatewayClientOptions> configure)
    {
        services.AddOptions<KieGatewayClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KieGatewayClientOptions>, KieGatewayClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        var builder = services.AddHttpClient(nameof(KieGatewayClient));
        builder.AddTypedClient((http, provider) => new KieGatewayClient(
            http, provider.GetRequiredService<IOptions<KieGatewayClientOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
