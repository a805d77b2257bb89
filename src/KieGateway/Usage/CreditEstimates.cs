using KieGateway.Models;
using Microsoft.Extensions.Options;

namespace KieGateway.Usage;

/// <summary>The price table applied to one video; what counts against a budget until Kie reports the charge.</summary>
internal sealed class CreditEstimates(IOptionsMonitor<PricingOptions> pricing)
{
    public decimal For(GatewayModel model, int durationSeconds)
    {
        var price = pricing.CurrentValue.Models[model.Id];
        return price.ByDurationSeconds.TryGetValue(durationSeconds, out var credits) ? credits : price.Credits;
    }

    /// <summary>
    /// What a stored video counts for: Kie's actual charge once reported; a failure that Kie itself reported
    /// counts nothing (Kie is said not to charge failed tasks); anything else, the estimate. A failure the gateway
    /// declared (no answer to the create, task lost, deadline passed) may hide a task that Kie made and charged:
    /// counting it as free would let a client whose creates keep timing out spend without limit.
    /// </summary>
    public static decimal Spent(Videos.VideoStatus status, string? errorCode, decimal estimated, decimal? charged) =>
        charged ?? (status == Videos.VideoStatus.Failed && KieReportedFailures.Contains(errorCode ?? "") ? 0 : estimated);

    private static readonly HashSet<string> KieReportedFailures =
        [Videos.VideoErrorCodes.GenerationFailed, Videos.VideoErrorCodes.ContentRejected, Videos.VideoErrorCodes.NoOutput];
}
