namespace KieGateway.Models;

/// <summary>A model as clients name it, with what it can do and how Kie calls it.</summary>
internal sealed record GatewayModel(
    string Id,
    string Provider,
    string KieModel,
    IReadOnlyList<int> DurationsSeconds,
    int DefaultDurationSeconds,
    int MinImages,
    int MaxImages)
{
    public static readonly IReadOnlyList<string> AspectRatios = ["16:9", "9:16"];

    /// <summary>The models of API.md; which ones are on is configuration, not code.</summary>
    public static readonly IReadOnlyList<GatewayModel> BuiltIn =
    [
        new("sora-2", ProviderNames.Sora, "sora-2", [10, 15], 10, MinImages: 1, MaxImages: 1),
        new("sora-2-pro", ProviderNames.Sora, "sora-2-pro", [10, 15], 10, MinImages: 1, MaxImages: 1),
        new("veo-3.1", ProviderNames.Veo, "veo3", [8], 8, MinImages: 1, MaxImages: 2),
        new("veo-3.1-fast", ProviderNames.Veo, "veo3_fast", [8], 8, MinImages: 1, MaxImages: 2),
    ];
}

internal static class ProviderNames
{
    public const string Sora = "sora-2";
    public const string Veo = "veo-3.1";
}
