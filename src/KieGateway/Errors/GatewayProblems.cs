using Microsoft.AspNetCore.Http.HttpResults;

namespace KieGateway.Errors;

/// <summary>Problem results with the gateway's <c>code</c> extension; <c>traceId</c> is added for all of them.</summary>
internal static class GatewayProblems
{
    public static ProblemHttpResult Problem(
        int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: all);
    }

    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "The request is not valid; see errors.",
            title: "The request is not valid.",
            extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.ValidationFailed });

    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found.", $"No {what} with that id.");

    public static ProblemHttpResult BudgetExceeded(string detail) =>
        Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.BudgetExceeded, "The client's credit budget would be exceeded.", detail);

    public static ProblemHttpResult ModelUnavailable(string model) =>
        Problem(StatusCodes.Status503ServiceUnavailable, ProblemCodes.ModelUnavailable, "Model unavailable.",
            $"The model '{model}' is switched off on this gateway. Choose another model (GET /models), or send "
            + "\"allowFallback\": true to let its configured fallback make the video.");
}
