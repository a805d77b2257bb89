namespace KieGateway.Configuration;

/// <summary>Collects every configuration problem so that start-up reports them all at once.</summary>
internal sealed class OptionsErrors
{
    private readonly List<string> _errors = [];

    public void Require(bool condition, string message)
    {
        if (!condition)
        {
            _errors.Add(message);
        }
    }

    public Microsoft.Extensions.Options.ValidateOptionsResult ToResult() =>
        _errors.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(_errors);
}
