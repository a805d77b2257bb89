using KieGateway.Kie;
using KieGateway.Security;
using Microsoft.Extensions.Options;
using Serilog;

namespace KieGateway.Logging;

internal static class LoggingExtensions
{
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>Serilog for every log line, structured, with the Kie key scrubbed from any property.</summary>
    public static WebApplicationBuilder AddGatewayLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // writeToProviders: loggers added later (tests capture the log this way) see every event too;
        // preserveStaticLogger: each host owns its logger, so hosts side by side (tests) do not close each other's.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With(new SecretRedactionEnricher(() => services.GetRequiredService<IOptions<KieOptions>>().Value.ApiKey))
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"),
            preserveStaticLogger: true,
            writeToProviders: true);
        return builder;
    }

    /// <summary>One structured line per request, carrying the correlation id returned to the caller.</summary>
    public static WebApplication UseGatewayRequestLogging(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one (which each host leaves alone).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // Health probes every few seconds would drown the log; they stay visible at Debug.
            options.GetLevel = (http, _, error) =>
                error is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Debug
                : Serilog.Events.LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                if (http.User.Identity?.IsAuthenticated == true)
                {
                    diagnostics.Set("ClientId", http.User.ClientId());
                }
            };
        });
        return app;
    }
}
