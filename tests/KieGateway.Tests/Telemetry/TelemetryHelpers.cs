using System.Diagnostics;
using System.Diagnostics.Metrics;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry.Trace;

namespace KieGateway.Tests.Telemetry;

public static class TelemetryHelpers
{
    public const string Meter = "KieGateway";

    /// <summary>Records one of the gateway's instruments, of this host only (its own meter factory), not of hosts running beside it.</summary>
    public static MetricCollector<T> Metric<T>(this GatewayFactory gateway, string instrument) where T : struct =>
        new(gateway.Services.GetRequiredService<IMeterFactory>(), Meter, instrument);

    /// <summary>Puts <paramref name="spans"/> into the host's tracer provider.</summary>
    public static void RecordSpans(this IServiceCollection services, SpanRecorder spans) =>
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(spans));

    /// <summary>The trace a request ran in: its X-Correlation-Id is the trace id when the caller sends none.</summary>
    public static string TraceId(this HttpResponseMessage response) => response.Headers.GetValues("X-Correlation-Id").Single();

    public static bool In(this Activity span, string traceId) => span.TraceId.ToHexString() == traceId;

    public static object? Tag(this Activity span, string name) => span.GetTagItem(name);

    /// <summary>The gateway's request span (the fake Kie is an ASP.NET Core app in this process too, but routes nothing).</summary>
    public static bool IsGatewayRequest(this Activity span) => span.Kind == ActivityKind.Server && span.Tag("http.route") is not null;

    public static bool IsGateway(this Activity span, string name) => span.Source.Name == Meter && span.DisplayName == name;

    public static object? Of(this CollectedMeasurement<long> measurement, string tag) => measurement.Tags.GetValueOrDefault(tag);

    public static object? Of(this CollectedMeasurement<double> measurement, string tag) => measurement.Tags.GetValueOrDefault(tag);
}
