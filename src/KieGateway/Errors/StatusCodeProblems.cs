using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace KieGateway.Errors;

/// <summary>Gives bodiless error answers from the framework (404 route, 405, 415) the gateway's problem shape.</summary>
internal static class StatusCodeProblems
{
    public static WebApplication UseGatewayStatusCodeProblems(this WebApplication app)
    {
        app.UseStatusCodePages(WriteAsync);
        return app;
    }

    private static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        ProblemDetails problem;
        if (http.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            // API.md: a body the gateway cannot read is an invalid request (400), whatever the reason.
            const string Detail = "The body must be JSON, sent with 'Content-Type: application/json'.";
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [Detail] })
            {
                Title = "The request is not valid.",
                Detail = Detail,
            };
        }
        else
        {
            problem = new ProblemDetails();
        }

        problem.Status = http.Response.StatusCode;
        await ProblemWriter.WriteAsync(http, problem);
    }
}
