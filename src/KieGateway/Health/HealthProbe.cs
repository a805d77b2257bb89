namespace KieGateway.Health;

/// <summary>
/// <c>dotnet KieGateway.dll --healthcheck</c>: the container's HEALTHCHECK, since the runtime image has
/// no curl. Asks this process's own /health/live and exits 0 when it answers 200.
/// </summary>
internal static class HealthProbe
{
    public static bool IsRequested(string[] args) => args.Contains("--healthcheck", StringComparer.Ordinal);

    public static async Task<int> RunAsync()
    {
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0] ?? "8080";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/health/live");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
