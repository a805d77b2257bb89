using Microsoft.Extensions.Options;

namespace KieGateway.Client;

/// <summary>Where the gateway is and how this service authenticates to it.</summary>
public sealed class KieGatewayClientOptions
{
    /// <summary>The gateway's address, e.g. <c>https://kiegateway.internal/</c>; a path prefix is kept.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>This service's gateway client key, sent as <c>Authorization: Bearer</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one <c>GET /videos/{id}?wait=</c> asks the gateway to hold the answer (1 to 60 s).</summary>
    public TimeSpan LongPollWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The least time between two reads while waiting, for gateways or proxies that answer at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Reports every problem with the options at once, naming each setting.</summary>
public sealed class KieGatewayClientOptionsValidator : IValidateOptions<KieGatewayClientOptions>
{
    public ValidateOptionsResult Validate(string? name, KieGatewayClientOptions options)
    {
        var errors = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{nameof(options.BaseAddress)} must be an absolute http(s) URL of the gateway.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            errors.Add($"{nameof(options.ApiKey)} must be set to this service's gateway client key.");
        }

        if (options.LongPollWait < TimeSpan.FromSeconds(1) || options.LongPollWait > TimeSpan.FromSeconds(60))
        {
            errors.Add($"{nameof(options.LongPollWait)} must be from 1 to 60 seconds (the gateway's ?wait= limit).");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(options.PollInterval)} must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
