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
    /// What a stored video counts for: Kie's actual charge once reported; a failure Kie did not charge counts
    /// nothing (Kie is said not to charge failed tasks); otherwise the estimate.
    /// </summary>
    public static decimal Spent(Videos.VideoStatus status, decimal estimated, decimal? charged) =>
        charged ?? (status == Videos.VideoStatus.Failed ? 0 : estimated);
}
