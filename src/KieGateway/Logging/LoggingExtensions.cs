using KieGateway.Kie;
using KieGateway.Security;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Configuration;
using Serilog.Extensions.Logging;

namespace KieGateway.Logging;

internal static class LoggingExtensions
{
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>
    /// Serilog for every log line, structured, with secrets (the Kie key, client keys, callback tokens)
    /// taken out of every property, message text and exception before any sink sees them, configured sinks included.
    /// </summary>
    public static WebApplicationBuilder AddGatewayLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddHttpContextAccessor();
        // preserveStaticLogger: each host owns its logger, so hosts side by side (tests) do not close each other's.
        builder.Services.AddSerilog((services, logger) =>
        {
            IOptions<KieOptions>? kie = null; // resolved at the first line, not while the logger is being built
            var redactor = new SecretRedactor(() => (kie ??= services.GetRequiredService<IOptions<KieOptions>>()).Value.ApiKey,
                services.GetRequiredService<IHttpContextAccessor>());
            // Loggers added beside Serilog (tests capture the log this way) see every event too, behind the same
            // redaction: Serilog's own writeToProviders would put them outside it.
            var providers = new LoggerProviderCollection();
            foreach (var provider in services.GetServices<ILoggerProvider>())
            {
                providers.AddProvider(provider);
            }

            logger
                .ReadFrom.Configuration(SerilogSections.AllButSinks(builder.Configuration))
                .Enrich.FromLogContext()
                .Enrich.With<TraceIdEnricher>()
                .Enrich.With(new SecretRedactionEnricher(redactor))
                .WriteTo.Redacted(redactor, sinks =>
                {
                    // Written by a background thread, not the request's; inside the redaction, which needs the request's
                    // client key. A full buffer makes the writer wait rather than drop a line; disposal flushes it.
                    sinks.Async(console => console.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                        outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"),
                        blockWhenFull: true);
                    sinks.Providers(providers);
                    sinks.Configured(builder.Configuration);
                });
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>Sinks an operator adds in Serilog:WriteTo, behind the redaction too, get whatever the root logger let through.</summary>
    private static void Configured(this LoggerSinkConfiguration sinks, IConfiguration configuration)
    {
        if (SerilogSections.HasSinks(configuration))
        {
            sinks.Logger(configured => configured.MinimumLevel.Verbose().ReadFrom.Configuration(SerilogSections.Sinks(configuration)));
        }
    }

    /// <summary>One structured line per request, carrying the correlation id returned to the caller.</summary>
    public static WebApplication UseGatewayRequestLogging(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one (which each host leaves alone).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = RequestLogLevel.Of;
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
