using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace KieGateway.Errors;

/// <summary>Every problem has type, title, status, detail, a stable code and a traceId (API.md).</summary>
internal static class ProblemDefaults
{
    public const string TypeBase = "https://kiegateway.dev/problems/";

    /// <summary>Where the answer's problem code is left for whatever looks at the answer afterwards (metrics).</summary>
    public const string CodeItem = "KieGateway.ProblemCode";

    public static void Apply(ProblemDetails problem, HttpContext context)
    {
        problem.Status ??= context.Response.StatusCode;
        var code = problem.Extensions.TryGetValue("code", out var c) && c is string s ? s : DefaultCode(problem.Status);
        problem.Extensions["code"] = code;
        context.Items[CodeItem] = code;
        problem.Type = TypeBase + code;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Detail ??= problem.Title;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
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
