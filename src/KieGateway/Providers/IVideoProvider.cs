using KieGateway.Models;

namespace KieGateway.Providers;

/// <summary>One upstream family behind the normalized video API. A new provider is one folder and one registration.</summary>
internal interface IVideoProvider
{
    string Name { get; }

    /// <summary>Creates the paid Kie task; called once per video, never retried.</summary>
    Task<string> CreateTaskAsync(ProviderJob job, CancellationToken ct);

    Task<ProviderStatus> GetStatusAsync(string taskId, CancellationToken ct);
}

/// <summary>A validated request, in gateway terms, for the model that will make it.</summary>
internal sealed record ProviderJob(
    GatewayModel Model,
    string Prompt,
    IReadOnlyList<string> ImageUrls,
    string AspectRatio,
    int DurationSeconds,
    string? KieCallbackUrl);
