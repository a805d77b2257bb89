using Microsoft.AspNetCore.Http.Json;

namespace KieGateway.Json;

internal static class JsonExtensions
{
    /// <summary>The API's JSON: web defaults, bounded depth, UTC times with a Z.</summary>
    public static IServiceCollection AddGatewayJson(this IServiceCollection services) =>
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.MaxDepth = 32;
            o.SerializerOptions.Converters.Add(new UtcTimeConverter());
        });
}
