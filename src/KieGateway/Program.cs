using KieGateway.Callbacks;
using KieGateway.Configuration;
using KieGateway.Credits;
using KieGateway.Errors;
using KieGateway.Health;
using KieGateway.Idempotency;
using KieGateway.Json;
using KieGateway.Kie;
using KieGateway.Logging;
using KieGateway.Models;
using KieGateway.OpenApi;
using KieGateway.Providers;
using KieGateway.Sandbox;
using KieGateway.Security;
using KieGateway.Storage;
using KieGateway.Telemetry;
using KieGateway.Usage;
using KieGateway.Uploads;
using KieGateway.Videos;
using KieGateway.Webhooks;

// The container's HEALTHCHECK runs this same binary as a probe.
if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGatewaySettingsFile();

// Cross-cutting: structured logs, the API's JSON, one problem+json pipeline, client-key authentication.
builder.AddGatewayLogging();
builder.Services.AddGatewayJson();
builder.Services.AddGatewayProblemDetails();
builder.Services.AddGatewaySecurity();
builder.Services.AddClientRateLimits(); // per-client request limits, stricter for creates: 429 rate_limited

// Upstream: the Kie client (live, or the embedded simulator in Sandbox mode) and the provider adapters.
builder.Services.AddKie();
builder.Services.AddSandbox();
builder.Services.AddProviders();

// The store and the video API on top of it.
builder.Services.AddGatewayStore(builder.Configuration, builder.Environment);
builder.Services.AddVideos();
builder.Services.AddIdempotency();

// Per-client credit budgets on a price table of estimates, and GET /usage.
builder.Services.AddUsage();

// Signed webhooks to clients: an outbox written with each terminal status, drained by a background dispatcher.
builder.Services.AddWebhooks();

// Observability: OpenTelemetry traces and metrics, scraped at /metrics (admin) and pushed over OTLP when configured.
builder.AddGatewayTelemetry();

// Operations: health, the OpenAPI description, and a shutdown that waits out a Kie call under way (Kie:Timeout + 10 s).
builder.Services.AddGracefulShutdown();
builder.Services.AddGatewayHealthChecks();
builder.Services.AddGatewayOpenApi();

var app = builder.Build();

app.UseGatewayRequestLogging();
app.UseGatewayTelemetry(); // counts every 429 by its problem code, whoever answered it
app.UseSecurityHeaders(); // nosniff, no framing, no referrer, CSP, no-store; no CORS: no other origin's page calls this API
app.UseExceptionHandler();
app.UseBodyLimits();
app.UseGatewayStatusCodeProblems();
app.UseGatewaySwaggerUI();
app.UseAuthentication();
app.UseAuthorization();
app.UseClientRateLimits();
app.UseJsonDepthLimit(); // JSON nested deeper than the API allows is refused as such, once the caller is known

app.MapVideos();
app.MapUploads(); // POST /uploads: an image stored on Kie's file host, for imageUrls
app.MapWebhooks(); // GET /videos/{id}/events: a video's webhook deliveries and their attempts
app.MapModels();
app.MapCredits();
app.MapUsage(); // GET /usage: videos and credits by day and model
app.MapKieCallbacks();
app.MapGatewayHealth();
app.MapGatewayMetrics(); // GET /metrics: Prometheus text, admin scope
app.MapSandboxMedia();
app.MapGatewayOpenApi();
app.AnnounceSandbox();

return await app.RunOrExplainAsync(); // a settings or store problem: its reasons on stderr, exit code 1

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
