using KieGateway.Models;
using Microsoft.Extensions.Options;

namespace KieGateway.Usage;

/// <summary>
/// What a video is expected to cost, in Kie credits, per model and duration: estimates (Kie's prices drift),
/// used for budgets until Kie reports the actual charge of a video.
/// </summary>
internal sealed class PricingOptions
{
    public const string SectionName = "Pricing";

    public Dictionary<string, ModelPrice> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class ModelPrice
{
    /// <summary>Credits per video of any duration not listed in <see cref="ByDurationSeconds"/>.</summary>
    public decimal Credits { get; set; }

    /// <summary>Credits per video of a given length in seconds, where the price depends on it.</summary>
    public Dictionary<int, decimal> ByDurationSeconds { get; set; } = [];
}

/// <summary>Every model has a price, so that no model escapes a budget.</summary>
internal sealed class PricingOptionsValidator : IValidateOptions<PricingOptions>
{
    public ValidateOptionsResult Validate(string? name, PricingOptions options)
    {
        var errors = new Configuration.OptionsErrors();
        foreach (var model in GatewayModel.BuiltIn)
        {
            errors.Require(options.Models.ContainsKey(model.Id), $"Pricing:Models:{model.Id}:Credits is not set; every model needs a price estimate.");
        }

        foreach (var (model, price) in options.Models)
        {
            errors.Require(price.Credits >= 0 && price.ByDurationSeconds.Values.All(c => c >= 0),
                $"Pricing:Models:{model} has a negative price.");
        }

        return errors.ToResult();
    }
}
