using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Telemetry;

/// <summary>A gateway test that sees the spans the gateway's tracer provider ends.</summary>
public abstract class TracedTest : GatewayTest
{
    protected SpanRecorder Spans { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.RecordSpans(Spans);
}
