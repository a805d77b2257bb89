using System.Reflection;
using KieGateway.Storage;
using Microsoft.Extensions.Options;

namespace KieGateway.Configuration;

/// <summary>
/// A gateway that cannot start because of its settings or its store says why on stderr in plain words and exits 1:
/// an operator's problem, not a crash, so no stack trace to dig the reason out of (and no abort's exit code 134).
/// Anything else still fails loudly, as the runtime reports it.
/// </summary>
internal static class StartupFailures
{
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        // Only when the gateway is the process: a host that runs it (the tests' factory) is given the exception itself.
        catch (Exception ex) when (Assembly.GetEntryAssembly() == typeof(StartupFailures).Assembly && Explain(ex) is { Count: > 0 } reasons)
        {
            await Console.Error.WriteLineAsync(
                "KieGateway did not start:" + string.Concat(reasons.Select(r => Environment.NewLine + "  - " + r)));
            return 1;
        }
    }

    /// <summary>The operator's reasons, or none when any part of the failure is not one of them.</summary>
    private static List<string> Explain(Exception ex) => ex switch
    {
        AggregateException all when all.InnerExceptions.Select(Explain).ToList() is var parts && parts.All(p => p.Count > 0) =>
            parts.SelectMany(p => p).Distinct().ToList(),
        OptionsValidationException options => options.Failures.ToList(),
        // A value of the wrong type ("bogus" for a TimeSpan): the binder names the value, the key and the type.
        InvalidOperationException binding when binding.TargetSite?.DeclaringType == typeof(ConfigurationBinder) => [binding.Message],
        StoreUnavailableException store => [store.Message],
        _ => [],
    };
}
