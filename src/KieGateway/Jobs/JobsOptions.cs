using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

internal sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>How often a non-terminal video is refreshed from Kie (Kie recommends 2–5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

internal sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options) =>
        options.PollInterval > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Jobs:PollInterval must be positive (it is {options.PollInterval}).");
}
