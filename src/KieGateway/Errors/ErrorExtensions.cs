namespace KieGateway.Errors;

internal static class ErrorExtensions
{
    /// <summary>One ProblemDetails pipeline: every error body has the same shape, a <c>code</c> and a <c>traceId</c>.</summary>
    public static IServiceCollection AddGatewayProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            ProblemDefaults.Apply(context.ProblemDetails, context.HttpContext));
        services.AddExceptionHandler<GatewayExceptionHandler>();

        // Bad JSON throws, so that the exception handler answers it as a problem instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
