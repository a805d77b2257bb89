using System.Diagnostics;

namespace KieGateway.Errors;

internal static class ErrorExtensions
{
    /// <summary>One ProblemDetails pipeline: every error body has the same shape, a <c>code</c> and a <c>traceId</c>.</summary>
    public static IServiceCollection AddGatewayProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("code", DefaultCode(context.ProblemDetails.Status));
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<GatewayExceptionHandler>();

        // Bad JSON throws, so that the exception handler answers it as a problem instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    private static string DefaultCode(int? status) => status switch
    {
        400 => ProblemCodes.ValidationFailed,
        401 => ProblemCodes.Unauthorized,
        403 => ProblemCodes.Forbidden,
        404 => ProblemCodes.NotFound,
        405 => "method_not_allowed",
        413 => ProblemCodes.PayloadTooLarge,
        415 => ProblemCodes.ValidationFailed,
        >= 500 => ProblemCodes.InternalError,
        _ => "error",
    };
}
