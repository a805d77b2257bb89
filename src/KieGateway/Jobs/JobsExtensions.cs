using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

internal static class JobsExtensions
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton<StatusReadLimiter>();
        services.AddSingleton<VideoWaiters>();
        services.AddSingleton<JobSignal>();
        services.AddScoped<RefreshLease>();
        services.AddScoped<VideoRefresher>();
        services.AddHostedService<JobRefresher>();
        return services;
    }
}
