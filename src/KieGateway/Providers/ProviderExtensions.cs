using KieGateway.Models;
using KieGateway.Providers.Sora;
using KieGateway.Providers.Veo;
using Microsoft.Extensions.Options;

namespace KieGateway.Providers;

internal static class ProviderExtensions
{
    public static IServiceCollection AddProviders(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton<ModelCatalog>();
        services.AddScoped<ProviderRouter>();

        // One line per provider.
        services.AddScoped<IVideoProvider, SoraProvider>();
        services.AddScoped<IVideoProvider, VeoProvider>();
        return services;
    }
}
