using KieGateway.Configuration;
using Microsoft.Extensions.Options;

namespace KieGateway.Models;

/// <summary>Reports every problem in the Gateway section at once, naming the offending key.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new OptionsErrors();
        errors.Require(ModelCatalog.Find(options.DefaultModel) is not null,
            $"Gateway:DefaultModel '{options.DefaultModel}' is not a gateway model ({KnownModels}).");
        foreach (var (id, model) in options.Models)
        {
            errors.Require(ModelCatalog.Find(id) is not null, $"Gateway:Models:{id} is not a gateway model ({KnownModels}).");
            errors.Require(string.IsNullOrEmpty(model.FallbackModel) || ModelCatalog.Find(model.FallbackModel) is not null,
                $"Gateway:Models:{id}:FallbackModel '{model.FallbackModel}' is not a gateway model.");
            errors.Require(!string.Equals(model.FallbackModel, id, StringComparison.Ordinal),
                $"Gateway:Models:{id}:FallbackModel cannot name the model itself.");
        }

        foreach (var provider in options.Providers.Keys)
        {
            errors.Require(provider is ProviderNames.Sora or ProviderNames.Veo,
                $"Gateway:Providers:{provider} is not a provider ({ProviderNames.Sora}, {ProviderNames.Veo}).");
        }

        errors.Require(options.PublicBaseUrl is null || Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out _),
            $"Gateway:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute URL.");

        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            errors.Require(!string.IsNullOrWhiteSpace(client.Id), $"Gateway:Clients:{i}:Id is required.");
            errors.Require(client.KeySha256 is { Length: 64 } hash && hash.All(Uri.IsHexDigit),
                $"Gateway:Clients:{i}:KeySha256 must be the 64-character hex SHA-256 of the client key.");
            errors.Require(client.Budget.DailyCredits is null or >= 0 && client.Budget.MonthlyCredits is null or >= 0,
                $"Gateway:Clients:{i}:Budget credits must not be negative.");
        }

        var duplicates = options.Clients.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var id in duplicates)
        {
            errors.Require(false, $"Gateway:Clients has the Id '{id}' more than once.");
        }

        return errors.ToResult();
    }

    private static string KnownModels => string.Join(", ", GatewayModel.BuiltIn.Select(m => m.Id));
}
