namespace KieGateway.Bench.Bare;

/// <summary>
/// A bare Kestrel minimal API answering <c>GET /videos/{id}</c> with the gateway's own JSON for a completed video,
/// from memory: no auth, no store, no logging. What the gateway's read costs above this is what its features cost.
/// </summary>
internal static class BareApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (builder.Configuration["body"] is not { Length: > 0 } path || !File.Exists(path))
        {
            Console.Error.WriteLine("bare: --body must name a file holding the video JSON to answer.");
            return 2;
        }

        var body = await File.ReadAllBytesAsync(path);
        var app = builder.Build();
        app.MapGet("/videos/{id}", (string id) => TypedResults.Bytes(body, "application/json"));
        app.MapGet("/health", () => TypedResults.Ok());
        await app.RunAsync();
        return 0;
    }
}
