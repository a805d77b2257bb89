using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using KieGateway.Jobs;

namespace KieGateway.Videos;

internal static class VideosExtensions
{
    public static IServiceCollection AddVideos(this IServiceCollection services)
    {
        services.AddJobs();
        services.AddValidatorsFromAssemblyContaining<CreateVideoValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<VideoCreator>();
        services.AddScoped<VideoReader>();
        services.AddSingleton<FinishedVideos>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
