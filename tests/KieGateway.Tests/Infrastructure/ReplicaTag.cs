using Microsoft.Extensions.DependencyInjection;

namespace KieGateway.Tests.Infrastructure;

/// <summary>
/// Marks every outgoing call of one test host (to Kie, to webhook receivers) with the host's name, so that a test
/// of several replicas sees which one did the work. Outermost in each client, so a call carries it once, retries too.
/// </summary>
public static class ReplicaTag
{
    public const string Header = "X-Test-Replica";

    public static IServiceCollection TagOutgoingCalls(this IServiceCollection services, string replica)
    {
        services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Tagger(replica)));
        return services;
    }

    private sealed class Tagger(string replica) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Remove(Header);
            request.Headers.Add(Header, replica);
            return base.SendAsync(request, ct);
        }
    }
}
