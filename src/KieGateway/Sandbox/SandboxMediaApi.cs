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

        // Images stored through the simulated Kie file host, public like Kie's own download URLs.
        routes.MapGet(SandboxMediaUrl.UploadsPrefix + "{**path}", (string path, SandboxFiles files) =>
                files.Find(path) is { } file
                    ? Results.Bytes(file.Bytes, file.ContentType)
                    : Errors.GatewayProblems.NotFound("sandbox upload"))
            .AllowAnonymous().WithTags("Sandbox").ExcludeFromDescription();
        return routes;
    }
}
