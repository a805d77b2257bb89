using System.Globalization;
using System.Security.Claims;
using KieGateway.Errors;
using KieGateway.Models;
using KieGateway.Security;
using KieGateway.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KieGateway.Usage;

internal static class UsageApi
{
    private const int MaxDays = 366;

    public static IEndpointRouteBuilder MapUsage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/usage", GetAsync).WithTags("Operators").RequireAuthorization().WithName("GetUsage")
            .WithSummary("Videos and credits by UTC day and model: the client's own, or with the admin scope every client's")
            .WithDescription("`from` and `to` are UTC dates (`yyyy-MM-dd`, inclusive; by default this month up to today), "
                             + $"at most {MaxDays} days apart. `clientId` narrows an admin's report to one client.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    public static async Task<Results<Ok<UsageReport>, ValidationProblem, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal user, GatewayDbContext db, IOptionsMonitor<GatewayOptions> gateway, TimeProvider time, CancellationToken ct,
        [FromQuery] string? from = null, [FromQuery] string? to = null, [FromQuery] string? clientId = null)
    {
        var now = time.GetUtcNow();
        var (today, month) = Periods.Starting(now);
        var errors = new Dictionary<string, string[]>();
        var first = ParseDate(from, "from", DateOnly.FromDateTime(month.UtcDateTime), errors);
        var last = ParseDate(to, "to", DateOnly.FromDateTime(today.UtcDateTime), errors);
        if (errors.Count == 0 && (last < first || last.DayNumber - first.DayNumber >= MaxDays))
        {
            errors["to"] = [$"to is on or after from, and at most {MaxDays} days after it."];
        }

        if (errors.Count > 0)
        {
            return GatewayProblems.Validation(errors);
        }

        var own = user.ClientId();
        if (!user.IsAdmin() && clientId is not null && clientId != own)
        {
            return GatewayProblems.Problem(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Forbidden.",
                "Only clients with the admin scope see other clients' usage.");
        }

        var scope = user.IsAdmin() ? clientId : own;
        var videos = await Spending.InPeriodAsync(db, scope, Start(first), Start(last.AddDays(1)), ct);
        var rows = videos
            .GroupBy(v => (v.ClientId, Date: DateOnly.FromDateTime(v.CreatedAt.UtcDateTime), v.Model))
            .OrderBy(g => g.Key.Date).ThenBy(g => g.Key.ClientId, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => new UsageRow(g.Key.ClientId, g.Key.Date, g.Key.Model, g.Count(),
                g.Count(v => v.Status == Videos.VideoStatus.Completed), g.Count(v => v.Status == Videos.VideoStatus.Failed),
                g.Sum(v => v.EstimatedCredits), g.Sum(v => v.ChargedCredits ?? 0), g.Sum(v => v.Credits)))
            .ToList();

        var clients = gateway.CurrentValue.Clients.Where(c => scope is null || c.Id == scope).ToList();
        var budgets = new List<BudgetUse>();
        foreach (var client in clients)
        {
            var spent = await Spending.OfClientAsync(db, client.Id, month, ct);
            budgets.Add(new BudgetUse(client.Id, client.Budget.DailyCredits, spent.Where(s => s.CreatedAt >= today).Sum(s => s.Credits),
                client.Budget.MonthlyCredits, spent.Sum(s => s.Credits)));
        }

        return TypedResults.Ok(new UsageReport(first, last, rows, budgets));
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly ParseDate(string? value, string name, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        // The calendar's last day is refused: the period is read up to the start of the day after.
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date < DateOnly.MaxValue)
        {
            return date;
        }

        errors[name] = [$"{name} is a date written yyyy-MM-dd, before 9999-12-31."];
        return fallback;
    }
}
