using System.Text.Json;
using FluentValidation;
using KieGateway.Errors;

namespace KieGateway.Validation;

/// <summary>
/// Runs the FluentValidation validator of the endpoint's <typeparamref name="T"/> argument and answers
/// a 400 <c>validation_failed</c> problem with camelCase field names before the handler runs.
/// </summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return GatewayProblems.Validation(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] });
        }

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        var errors = result.Errors
            .GroupBy(e => CamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return GatewayProblems.Validation(errors);
    }

    // "ImageUrls[0]" → "imageUrls[0]"
    private static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? "body" : JsonNamingPolicy.CamelCase.ConvertName(name);
}

internal static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
