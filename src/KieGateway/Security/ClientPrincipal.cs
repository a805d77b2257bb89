using System.Security.Claims;

namespace KieGateway.Security;

internal static class ClientPrincipal
{
    /// <summary>The authenticated client's id; endpoints behind authorization always have one.</summary>
    public static string ClientId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No authenticated client.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(ClientKeyHandler.ScopeClaim, Scopes.Admin);
}
