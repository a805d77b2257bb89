namespace KieGateway.Usage;

/// <summary>A client's credit budgets (<c>Gateway:Clients:&lt;n&gt;:Budget</c>); unset means no limit.</summary>
internal sealed class ClientBudget
{
    /// <summary>Credits per UTC day.</summary>
    public decimal? DailyCredits { get; set; }

    /// <summary>Credits per UTC calendar month.</summary>
    public decimal? MonthlyCredits { get; set; }
}
