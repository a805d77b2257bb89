using Microsoft.AspNetCore.Mvc;

namespace KieGateway.Errors;

/// <summary>
/// Writes a problem through the ProblemDetails pipeline, and as problem+json regardless when that
/// pipeline declines (a client that sent <c>Accept: text/plain</c> still gets a readable error, not a 500).
/// </summary>
internal static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem, Exception? exception = null)
    {
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
        if (!written && !context.Response.HasStarted)
        {
            ProblemDefaults.Apply(problem, context);
            await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
        }
    }
}
