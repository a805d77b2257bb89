namespace KieGateway.Sandbox;

internal static class SandboxMediaApi
{
    /// <summary>The small playable clip that every completed sandbox video points at (no client key needed).</summary>
    public static IEndpointRouteBuilder MapSandboxMedia(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(SandboxMediaUrl.SamplePath, () =>
                TypedResults.Stream(
                    typeof(SandboxMediaApi).Assembly.GetManifestResourceStream("KieGateway.Sandbox.sample.mp4")!,
                    "video/mp4", enableRangeProcessing: true))
            .AllowAnonymous().WithTags("Sandbox").ExcludeFromDescription();
        return routes;
    }
}
