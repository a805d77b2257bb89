using Microsoft.Extensions.Options;

namespace KieGateway.Idempotency;

internal sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";
    public const int MaxKeyLength = 255;

    /// <summary>How long a key is remembered (API.md: at least 24 hours).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}

internal sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options) =>
        options.Retention >= TimeSpan.FromHours(24)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Idempotency:Retention must be at least 24 hours (it is {options.Retention}).");
}
