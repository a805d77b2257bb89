namespace KieGateway.Usage;

/// <summary><c>GET /usage</c>: videos and credits by client, UTC day and model, and where each client stands against its budgets.</summary>
public sealed record UsageReport(DateOnly From, DateOnly To, IReadOnlyList<UsageRow> Data, IReadOnlyList<BudgetUse> Budgets);

/// <summary>
/// One client's videos of one model on one UTC day. <c>estimatedCredits</c> is the price table's figure for all of
/// them, <c>actualCredits</c> what Kie reported charging so far, <c>credits</c> the best figure: the actual charge
/// where known, else the estimate (failures Kie reported and did not charge count nothing; failures the gateway
/// declared, such as a create that got no answer, keep their estimate: Kie may have made and charged the task).
/// </summary>
public sealed record UsageRow(
    string ClientId, DateOnly Date, string Model, int Videos, int Completed, int Failed,
    decimal EstimatedCredits, decimal ActualCredits, decimal Credits);

/// <summary>A client's budgets (null: none) and what counts against them now.</summary>
public sealed record BudgetUse(string ClientId, decimal? DailyCredits, decimal UsedToday, decimal? MonthlyCredits, decimal UsedThisMonth);
