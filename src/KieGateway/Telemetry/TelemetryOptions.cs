using KieGateway.Configuration;
using Microsoft.Extensions.Options;

namespace KieGateway.Telemetry;

internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Where Prometheus scrapes the metrics (admin scope).</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// How long the store-backed gauges (refresh backlog, pending webhooks) reuse one count: scrapes and OTLP exports
    /// in between cost the store nothing.
    /// </summary>
    public TimeSpan StoreGaugesMaxAge { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Reports every problem in the Telemetry section at once, naming the offending key.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var errors = new OptionsErrors();
        errors.Require(options.MetricsPath is ['/', _, ..] && !options.MetricsPath.Any(char.IsWhiteSpace),
            $"Telemetry:MetricsPath must be a path such as /metrics (it is '{options.MetricsPath}').");
        errors.Require(options.StoreGaugesMaxAge >= TimeSpan.Zero && options.StoreGaugesMaxAge <= TimeSpan.FromMinutes(10),
            $"Telemetry:StoreGaugesMaxAge must be from 0 to 10 minutes (it is {options.StoreGaugesMaxAge}).");
        return errors.ToResult();
    }
}
