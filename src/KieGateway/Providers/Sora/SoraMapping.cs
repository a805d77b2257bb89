using System.Globalization;
using KieGateway.Kie;

namespace KieGateway.Providers.Sora;

internal static class SoraMapping
{
    public static JobsCreateTaskRequest ToCreateTask(ProviderJob job)
    {
        var withImage = job.ImageUrls.Count > 0;
        var kieModel = $"{job.Model.KieModel}-{(withImage ? "image" : "text")}-to-video";
        var input = new JobsVideoInput(
            job.Prompt,
            job.AspectRatio == "9:16" ? "portrait" : "landscape",
            job.DurationSeconds.ToString(CultureInfo.InvariantCulture),
            withImage ? job.ImageUrls : null);
        return new JobsCreateTaskRequest(kieModel, input, job.KieCallbackUrl);
    }

    /// <summary>jobs <c>state</c>: waiting/queuing → queued, generating → in_progress, success → completed, fail → failed.</summary>
    public static ProviderStatus ToStatus(JobsRecord record) => StateOf(record) with { ChargedCredits = record.ConsumeCredits };

    private static ProviderStatus StateOf(JobsRecord record) => record.State switch
    {
        "success" => ProviderStatus.Completed(record.ResultUrls, record.CompleteTime),
        "fail" or "failed" or "error" => ProviderStatus.Failed(
            ProviderStatus.FailureFromKie(record.FailCode, record.FailMessage), record.CompleteTime),
        "generating" => ProviderStatus.InProgress(record.Progress),
        _ => ProviderStatus.Queued,
    };
}
