using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KieGateway.Security;

internal static class SecurityExtensions
{
    public const string AdminPolicy = "admin";

    /// <summary>Client-key authentication, scopes, and the private-network guard for URLs that clients give.</summary>
    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<GuardedConnector>();
        services.AddSingleton<ClientKeyHashes>();
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false); // no product banner
        services.AddAuthentication(ClientKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ClientKeyHandler>(ClientKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(ClientKeyHandler.ScopeClaim, Scopes.Admin));
        return services;
    }
}
