using KieGateway.Kie;

namespace KieGateway.Providers.Veo;

/// <summary>Veo 3.1 through Kie's dedicated Veo endpoints (kie-api.md §1).</summary>
internal sealed class VeoProvider(KieClient kie) : IVideoProvider
{
    public string Name => Models.ProviderNames.Veo;

    public Task<string> CreateTaskAsync(ProviderJob job, CancellationToken ct) =>
        kie.GenerateVeoAsync(VeoMapping.ToGenerate(job), ct);

    public async Task<ProviderStatus> GetStatusAsync(string taskId, CancellationToken ct) =>
        VeoMapping.ToStatus(await kie.GetVeoRecordAsync(taskId, ct));
}
