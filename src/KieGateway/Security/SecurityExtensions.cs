using Microsoft.AspNetCore.Authentication;

namespace KieGateway.Security;

internal static class SecurityExtensions
{
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddGatewaySecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ClientKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ClientKeyHandler>(ClientKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(ClientKeyHandler.ScopeClaim, Scopes.Admin));
        return services;
    }
}
