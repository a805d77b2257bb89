using Microsoft.AspNetCore.Http.HttpResults;

namespace KieGateway.Models;

/// <summary>One model as <c>GET /models</c> lists it.</summary>
public sealed record ModelInfo(
    string Id,
    string Provider,
    bool Enabled,
    string? FallbackModel,
    bool TextToVideo,
    bool ImageToVideo,
    int MaxImages,
    IReadOnlyList<string> AspectRatios,
    IReadOnlyList<int> DurationsSeconds,
    int DefaultDurationSeconds,
    bool IsDefault);

internal static class ModelsApi
{
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/models", List).WithTags("Models").RequireAuthorization()
            .WithSummary("The gateway's models, their capabilities and whether they are switched on")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    public static Ok<IReadOnlyList<ModelInfo>> List(ModelCatalog catalog, Microsoft.Extensions.Options.IOptionsSnapshot<GatewayOptions> options) =>
        TypedResults.Ok<IReadOnlyList<ModelInfo>>(catalog.All.Select(m => new ModelInfo(
            m.Id,
            m.Provider,
            catalog.IsEnabled(m),
            catalog.FallbackOf(m),
            TextToVideo: true,
            ImageToVideo: m.MaxImages > 0,
            m.MaxImages,
            GatewayModel.AspectRatios,
            m.DurationsSeconds,
            m.DefaultDurationSeconds,
            m.Id == options.Value.DefaultModel)).ToList());
}
