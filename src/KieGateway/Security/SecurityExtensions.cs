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
        services.WithoutDataProtectionAtStart();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(ClientKeyHandler.ScopeClaim, Scopes.Admin));
        return services;
    }

    /// <summary>
    /// AddAuthentication brings ASP.NET Core data protection, which nothing here uses (no cookies, no antiforgery: client
    /// keys are compared by hash). Its hosted service still loaded or created a key ring at every start: a key file and a
    /// "No XML encryptor configured" warning in each new container, and about 9 MiB of XML readers in an idle gateway.
    /// The protection services stay, so anything that protects data later gets its key ring then.
    /// </summary>
    private static void WithoutDataProtectionAtStart(this IServiceCollection services)
    {
        var dataProtection = typeof(Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions).Assembly;
        foreach (var startup in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == dataProtection).ToList())
        {
            services.Remove(startup);
        }
    }
}
