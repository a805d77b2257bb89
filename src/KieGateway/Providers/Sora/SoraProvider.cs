using KieGateway.Kie;

namespace KieGateway.Providers.Sora;

/// <summary>Sora 2 through Kie's Market jobs API (kie-api.md §2).</summary>
internal sealed class SoraProvider(KieClient kie) : IVideoProvider
{
    public string Name => Models.ProviderNames.Sora;

    public Task<string> CreateTaskAsync(ProviderJob job, CancellationToken ct) =>
        kie.CreateJobsTaskAsync(SoraMapping.ToCreateTask(job), ct);

    public async Task<ProviderStatus> GetStatusAsync(string taskId, CancellationToken ct) =>
        SoraMapping.ToStatus(await kie.GetJobsRecordAsync(taskId, ct));
}
