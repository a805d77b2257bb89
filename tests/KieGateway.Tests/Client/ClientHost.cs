using System.Collections.Concurrent;
using KieGateway.Client;
using KieGateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Client;

/// <summary>One request as it left the typed client's pipeline for the gateway, at the test clock's time.</summary>
public sealed record SentRequest(HttpMethod Method, Uri Uri, string? IdempotencyKey, DateTimeOffset At);

/// <summary>
/// The typed client wired as a service wires it (<c>AddKieGatewayClient</c>), sending into the test host's
/// server; a recorder sits last in the pipeline, so it sees every attempt that reaches the gateway.
/// </summary>
public sealed class ClientHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly ConcurrentQueue<SentRequest> _sent = new();

    private ClientHost(GatewayFactory gateway, TimeProvider clock, string key,
        Action<KieGatewayClientOptions>? options, Action<IHttpClientBuilder>? pipeline)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        var builder = services.AddKieGatewayClient(o =>
        {
            o.BaseAddress = gateway.Server.BaseAddress;
            o.ApiKey = key;
            options?.Invoke(o);
        });
        pipeline?.Invoke(builder);
        builder.AddHttpMessageHandler(() => new Recorder(_sent, clock));
        builder.ConfigurePrimaryHttpMessageHandler(() => gateway.Server.CreateHandler());
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<KieGatewayClient>();
    }

    public KieGatewayClient Client { get; }

    public IReadOnlyList<SentRequest> Sent => _sent.ToArray();

    public static ClientHost Start(GatewayFactory gateway, TimeProvider clock, string key = TestClients.AliceKey,
        Action<KieGatewayClientOptions>? options = null, Action<IHttpClientBuilder>? pipeline = null) =>
        new(gateway, clock, key, options, pipeline);

    public void Dispose() => _services.Dispose();

    private sealed class Recorder(ConcurrentQueue<SentRequest> sent, TimeProvider clock) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = request.Headers.TryGetValues("Idempotency-Key", out var values) ? values.Single() : null;
            sent.Enqueue(new SentRequest(request.Method, request.RequestUri!, key, clock.GetUtcNow()));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
