namespace KieGateway.Usage;

/// <summary>Endpoint metadata: the call spends credits and counts against the client's budgets (429 <c>budget_exceeded</c>).</summary>
internal sealed class CreditBudgeted
{
    public static readonly CreditBudgeted Instance = new();

    private CreditBudgeted()
    {
    }
}
