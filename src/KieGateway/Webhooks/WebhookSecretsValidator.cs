using KieGateway.Configuration;
using KieGateway.Models;
using Microsoft.Extensions.Options;

namespace KieGateway.Webhooks;

/// <summary>A malformed client secret is found at start-up, not when the first webhook cannot be signed.</summary>
internal sealed class WebhookSecretsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new OptionsErrors();
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var secret = options.Clients[i].WebhookSecret;
            errors.Require(string.IsNullOrEmpty(secret) || WebhookSigner.TryDecodeSecret(secret, out _),
                $"Gateway:Clients:{i}:WebhookSecret must be 'whsec_' followed by base64 of at least 24 bytes.");
        }

        return errors.ToResult();
    }
}
