using KieGateway.Security;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KieGateway.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>The standard variable that turns the OTLP exporter on; unset, nothing is pushed anywhere.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry traces (incoming requests, Kie calls, refreshes, webhook deliveries) and metrics (the
    /// KieGateway meter, ASP.NET Core's and HttpClient's), scraped at <c>Telemetry:MetricsPath</c> and pushed over
    /// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static WebApplicationBuilder AddGatewayTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreGauges>();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<IInterceptor, VideoOutcomeMetrics>();

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "kiegateway"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(GatewayTracing.SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = IsTraced;
                        o.EnrichWithHttpRequest = HideCallbackToken;
                    })
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    /// <summary>Counts 429 answers by problem code; first in the pipeline, so it sees every answer's final status.</summary>
    public static WebApplication UseGatewayTelemetry(this WebApplication app)
    {
        app.UseMiddleware<RejectionMetrics>();
        return app;
    }

    /// <summary><c>GET /metrics</c> (or <c>Telemetry:MetricsPath</c>): Prometheus text, for clients with the admin scope.</summary>
    public static WebApplication MapGatewayMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<GatewayMetrics>(); // the instruments, store gauges included, exist before the first scrape
        var path = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.MetricsPath;
        app.MapPrometheusScrapingEndpoint(path).RequireAuthorization(SecurityExtensions.AdminPolicy);
        return app;
    }

    // Probes every few seconds and scrapes would drown the traces that matter.
    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health")
        && !context.Request.Path.StartsWithSegments(context.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value.MetricsPath);

    /// <summary>A Kie callback's path holds the job's secret token: spans keep only the route.</summary>
    private static void HideCallbackToken(System.Diagnostics.Activity activity, HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/callbacks/kie"))
        {
            activity.SetTag("url.path", "/callbacks/kie/" + Logging.SecretRedactor.Redacted);
        }
    }
}
