using KieGateway.Kie;
using KieGateway.OpenApi;
using KieGateway.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KieGateway.Credits;

/// <summary>The Kie account's remaining credits.</summary>
public sealed record CreditBalance(decimal Credits);

internal static class CreditsApi
{
    public static IEndpointRouteBuilder MapCredits(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/credits", GetAsync).WithTags("Operators").RequireAuthorization(SecurityExtensions.AdminPolicy)
            .WithSummary("Kie's remaining credits for the gateway's account (admin scope)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesUpstreamProblems();
        return routes;
    }

    public static async Task<Ok<CreditBalance>> GetAsync(KieClient kie, CancellationToken ct) =>
        TypedResults.Ok(new CreditBalance(await kie.GetCreditsAsync(ct)));
}
