using Microsoft.Extensions.Primitives;

namespace KieGateway.Logging;

/// <summary>
/// The <c>Serilog</c> section of the configuration in two live views: its sinks (<c>WriteTo</c>, <c>AuditTo</c>, with
/// <c>Using</c>), for a logger placed inside the redaction, and all the rest (levels, overrides, enrichers, filters),
/// for the root logger. Read whole by the root logger, configured sinks would receive events before any redaction.
/// </summary>
internal static class SerilogSections
{
    private const string Section = "Serilog";

    public static bool HasSinks(IConfiguration configuration) =>
        configuration.GetSection($"{Section}:WriteTo").Exists() || configuration.GetSection($"{Section}:AuditTo").Exists();

    public static IConfiguration Sinks(IConfiguration configuration) =>
        View(configuration, part => IsSink(part) || part.Equals("Using", StringComparison.OrdinalIgnoreCase));

    /// <summary>Live: Serilog follows level changes made while the gateway runs (appsettings.json is watched).</summary>
    public static IConfiguration AllButSinks(IConfiguration configuration) => View(configuration, part => !IsSink(part));

    private static bool IsSink(string part) =>
        part.Equals("WriteTo", StringComparison.OrdinalIgnoreCase) || part.Equals("AuditTo", StringComparison.OrdinalIgnoreCase);

    private static IConfiguration View(IConfiguration configuration, Func<string, bool> keep) =>
        new ConfigurationBuilder().Add(new FilteredSource(configuration, keep)).Build();

    private sealed class FilteredSource(IConfiguration configuration, Func<string, bool> keep) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new FilteredProvider(configuration, keep);
    }

    private sealed class FilteredProvider : ConfigurationProvider
    {
        private readonly IConfiguration _configuration;
        private readonly Func<string, bool> _keep;

        public FilteredProvider(IConfiguration configuration, Func<string, bool> keep)
        {
            _configuration = configuration;
            _keep = keep;
            ChangeToken.OnChange(configuration.GetReloadToken, () =>
            {
                Load();
                OnReload();
            });
        }

        // Leaves only: some providers give a section with children an empty value, which Serilog would read as a sink
        // named "". "Serilog:WriteTo:0:Name" is kept or left by its part after "Serilog:".
        public override void Load() => Data = _configuration.GetSection(Section).AsEnumerable()
            .Where(kv => kv.Value is not null && kv.Key.Split(':') is [_, var part, ..] && _keep(part)
                         && (kv.Value.Length > 0 || !_configuration.GetSection(kv.Key).GetChildren().Any()))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
    }
}
