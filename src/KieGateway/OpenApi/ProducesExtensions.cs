namespace KieGateway.OpenApi;

internal static class ProducesExtensions
{
    /// <summary>Documents the answers a call that reaches Kie can give (API.md's error table).</summary>
    public static RouteHandlerBuilder ProducesUpstreamProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status402PaymentRequired)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .ProducesProblem(StatusCodes.Status504GatewayTimeout);
}
