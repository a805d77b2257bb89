using KieGateway.Configuration;
using Microsoft.Extensions.Options;

namespace KieGateway.Webhooks;

internal sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The Standard Webhooks retry schedule: each delay follows the previous failed attempt.</summary>
    public static readonly IReadOnlyList<TimeSpan> StandardSchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>
    /// Delays before the 2nd, 3rd, … attempt; after the last one fails the event is failed.
    /// Null means <see cref="StandardSchedule"/> (a default list would be appended to, not replaced, by binding).
    /// </summary>
    public List<TimeSpan>? Schedule { get; set; }

    /// <summary>How long one delivery may take before it counts as a failed attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for due events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due events the dispatcher sends at once.</summary>
    public int BatchSize { get; set; } = 20;

    public IReadOnlyList<TimeSpan> RetryDelays => Schedule ?? StandardSchedule;
}

/// <summary>Reports every problem in the Webhooks section at once, naming the offending key.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public const int MaxBatchSize = 500;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new OptionsErrors();
        for (var i = 0; i < options.RetryDelays.Count; i++)
        {
            errors.Require(options.RetryDelays[i] > TimeSpan.Zero,
                $"Webhooks:Schedule:{i} must be a positive delay (it is {options.RetryDelays[i]}).");
        }

        errors.Require(options.Timeout > TimeSpan.Zero && options.Timeout <= TimeSpan.FromMinutes(5),
            $"Webhooks:Timeout must be positive and at most 5 minutes (it is {options.Timeout}).");
        errors.Require(options.PollInterval > TimeSpan.Zero,
            $"Webhooks:PollInterval must be positive (it is {options.PollInterval}).");
        errors.Require(options.BatchSize is > 0 and <= MaxBatchSize,
            $"Webhooks:BatchSize must be 1 to {MaxBatchSize} (it is {options.BatchSize}).");
        return errors.ToResult();
    }
}
