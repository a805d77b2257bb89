namespace KieGateway.Sandbox;

/// <summary>Prompt markers that steer the simulator, so every path can be seen from Swagger UI.</summary>
internal static class SandboxMarkers
{
    public const string Fail = "[sandbox:fail]";
    public const string NoOutput = "[sandbox:no-output]";
    public const string InsufficientCredits = "[sandbox:402]";
    public const string RateLimited = "[sandbox:429]";
    public const string ServerError = "[sandbox:500]";

    public static bool Has(string? prompt, string marker) =>
        prompt?.Contains(marker, StringComparison.OrdinalIgnoreCase) == true;
}
