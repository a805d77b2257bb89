using System.Globalization;
using KieGateway.Kie;

namespace KieGateway.Providers.Veo;

internal static class VeoMapping
{
    public static VeoGenerateRequest ToGenerate(ProviderJob job)
    {
        var withImages = job.ImageUrls.Count > 0;
        return new VeoGenerateRequest(
            job.Prompt,
            job.Model.KieModel,
            withImages ? "FIRST_AND_LAST_FRAMES_2_VIDEO" : "TEXT_2_VIDEO",
            job.AspectRatio,
            withImages ? job.ImageUrls : null,
            job.KieCallbackUrl);
    }

    /// <summary><c>successFlag</c>: 0 → in_progress, 1 → completed, 2 and 3 → failed.</summary>
    public static ProviderStatus ToStatus(VeoRecord record) => record.SuccessFlag switch
    {
        1 => ProviderStatus.Completed(record.ResultUrls, record.CompleteTime),
        2 or 3 => ProviderStatus.Failed(
            ProviderStatus.FailureFromKie(record.ErrorCode?.ToString(CultureInfo.InvariantCulture), record.ErrorMessage),
            record.CompleteTime),
        _ => ProviderStatus.InProgress(null),
    };
}
