using Microsoft.Extensions.Options;

namespace KieGateway.Usage;

internal static class UsageExtensions
{
    /// <summary>The price table (estimates), per-client credit budgets checked on create, and GET /usage.</summary>
    public static IServiceCollection AddUsage(this IServiceCollection services)
    {
        services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PricingOptions>, PricingOptionsValidator>();
        services.AddSingleton<CreditEstimates>();
        services.AddScoped<BudgetGuard>();
        return services;
    }
}
