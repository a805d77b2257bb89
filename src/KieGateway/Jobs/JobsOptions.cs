using Microsoft.Extensions.Options;

namespace KieGateway.Jobs;

internal sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>How often a young non-terminal video is refreshed from Kie (Kie recommends 2–5 s); older ones less often.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a client's GET waits for Kie before it answers the stored state.</summary>
    public TimeSpan ReadRefreshBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A job not finished by then is failed with <c>timed_out</c> (Kie itself gives up after 10–15 min).</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Kie's limit on status reads per key, shared by every job and every replica's reads here.</summary>
    public int StatusReadsPerSecond { get; set; } = 10;

    /// <summary>Whether the background refresher brings jobs to their end without any client asking.</summary>
    public bool BackgroundRefresh { get; set; } = true;

    /// <summary>How often the background refresher looks for due jobs.</summary>
    public TimeSpan RefresherTick { get; set; } = TimeSpan.FromSeconds(1);
}

internal sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var errors = new Configuration.OptionsErrors();
        errors.Require(options.PollInterval > TimeSpan.Zero, $"Jobs:PollInterval must be positive (it is {options.PollInterval}).");
        errors.Require(options.ReadRefreshBudget > TimeSpan.Zero, $"Jobs:ReadRefreshBudget must be positive (it is {options.ReadRefreshBudget}).");
        errors.Require(options.Deadline > options.PollInterval, "Jobs:Deadline must be longer than Jobs:PollInterval.");
        errors.Require(options.StatusReadsPerSecond is >= 1 and <= 1000, "Jobs:StatusReadsPerSecond must be between 1 and 1000.");
        errors.Require(options.RefresherTick > TimeSpan.Zero, "Jobs:RefresherTick must be positive.");
        return errors.ToResult();
    }
}
