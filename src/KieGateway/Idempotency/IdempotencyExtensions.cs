using Microsoft.Extensions.Options;

namespace KieGateway.Idempotency;

internal static class IdempotencyExtensions
{
    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>();
        services.AddScoped<IdempotencyKeys>();
        services.AddHostedService<IdempotencyJanitor>();
        return services;
    }
}
