using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using KieGateway.Jobs;
using Microsoft.Extensions.Options;

namespace KieGateway.Videos;

internal static class VideosExtensions
{
    public static IServiceCollection AddVideos(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddValidatorsFromAssemblyContaining<CreateVideoValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<VideoCreator>();
        services.AddScoped<VideoReader>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
