using System.Globalization;

namespace KieGateway.Configuration;

internal static class ShutdownExtensions
{
    /// <summary>After the longest Kie call: time to store its answer and for the host's own stopping.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On SIGTERM the host waits for requests under way at least as long as one Kie call may take (Kie:Timeout):
    /// a create being seen through then stores its task id, instead of being cut mid-call and leaving a paid task
    /// that nobody knows. The container's stop timeout (compose's stop_grace_period) must be longer still.
    /// </summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        // Read raw: a mistyped Kie:Timeout is reported with every other problem by the Kie options' validator.
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
            host.ShutdownTimeout = (TimeSpan.TryParse(configuration["Kie:Timeout"], CultureInfo.InvariantCulture, out var kie) && kie > TimeSpan.Zero
                ? kie
                : new Kie.KieOptions().Timeout) + Margin);
        return services;
    }
}
