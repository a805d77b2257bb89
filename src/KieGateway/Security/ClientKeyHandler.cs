using System.Security.Claims;
using System.Text.Encodings.Web;
using KieGateway.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KieGateway.Security;

/// <summary>
/// Authenticates a client by its key (<c>Authorization: Bearer</c> or <c>X-Api-Key</c>): the key's
/// SHA-256 is compared in constant time with every configured hash (<see cref="ClientKeyHashes"/>).
/// </summary>
internal sealed class ClientKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ClientKeyHashes keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ClientKey";
    public const string ScopeClaim = "scope";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request.Headers);
        if (key.IsEmpty)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var match = keys.Match(key);
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown client key."));
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, match.Id) };
        claims.AddRange(match.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(ProblemCodes.Unauthorized, "A valid client key is required.",
            "Send 'Authorization: Bearer <client key>' or 'X-Api-Key: <client key>'.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(ProblemCodes.Forbidden, "This client key may not use this endpoint.",
            "The endpoint needs the 'admin' scope.");
    }

    private async Task WriteProblemAsync(string code, string title, string detail)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        await ProblemWriter.WriteAsync(Context, problem);
    }

    /// <summary>The key a request presents (empty if none), read without a copy: also what the log redactor looks for.</summary>
    public static ReadOnlySpan<char> PresentedKey(IHeaderDictionary headers)
    {
        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization.AsSpan("Bearer ".Length).Trim();
        }

        return headers["X-Api-Key"].ToString().AsSpan().Trim();
    }
}
