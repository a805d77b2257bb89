using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

internal sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>How often a non-terminal video is refreshed from Kie (Kie recommends 2–5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a client's GET waits for Kie before it answers the stored state.</summary>
    public TimeSpan ReadRefreshBudget { get; set; } = TimeSpan.FromSeconds(10);
}

internal sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var errors = new Configuration.OptionsErrors();
        errors.Require(options.PollInterval > TimeSpan.Zero, $"Jobs:PollInterval must be positive (it is {options.PollInterval}).");
        errors.Require(options.ReadRefreshBudget > TimeSpan.Zero, $"Jobs:ReadRefreshBudget must be positive (it is {options.ReadRefreshBudget}).");
        return errors.ToResult();
    }
}
