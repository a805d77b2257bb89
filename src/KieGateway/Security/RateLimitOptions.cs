using KieGateway.Configuration;
using KieGateway.Models;
using Microsoft.Extensions.Options;

namespace KieGateway.Security;

/// <summary>
/// Every client's request allowance unless its own <c>Gateway:Clients:&lt;n&gt;:RateLimit</c> says otherwise:
/// all requests, and creates (each one a paid Kie task) on a stricter limit of their own.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimit";

    /// <summary>Requests per <see cref="Window"/>, all authenticated endpoints together.</summary>
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Creates per <see cref="CreateWindow"/>: a quarter of Kie's account limit (20 per 10 s), so no one client takes it all.</summary>
    public int CreatePermitLimit { get; set; } = 30;

    public TimeSpan CreateWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>One client's overrides; whatever is left unset comes from <see cref="RateLimitOptions"/>.</summary>
internal sealed class ClientRateLimit
{
    public int? PermitLimit { get; set; }

    public TimeSpan? Window { get; set; }

    public int? CreatePermitLimit { get; set; }

    public TimeSpan? CreateWindow { get; set; }
}

/// <summary>The defaults and every client's overrides, each problem named by its key.</summary>
internal sealed class RateLimitValidator : IValidateOptions<RateLimitOptions>, IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new OptionsErrors();
        Check(errors, RateLimitOptions.SectionName, options.PermitLimit, options.Window, options.CreatePermitLimit, options.CreateWindow);
        return errors.ToResult();
    }

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var errors = new OptionsErrors();
        for (var i = 0; i < options.Clients.Count; i++)
        {
            if (options.Clients[i].RateLimit is { } limit)
            {
                Check(errors, $"Gateway:Clients:{i}:RateLimit", limit.PermitLimit, limit.Window, limit.CreatePermitLimit, limit.CreateWindow);
            }
        }

        return errors.ToResult();
    }

    private static void Check(OptionsErrors errors, string section, int? permits, TimeSpan? window, int? createPermits, TimeSpan? createWindow)
    {
        errors.Require(permits is null or > 0, $"{section}:PermitLimit must be a positive number of requests (it is {permits}).");
        errors.Require(window is null || window > TimeSpan.Zero, $"{section}:Window must be a positive time span (it is {window}).");
        errors.Require(createPermits is null or > 0, $"{section}:CreatePermitLimit must be a positive number of creates (it is {createPermits}).");
        errors.Require(createWindow is null || createWindow > TimeSpan.Zero, $"{section}:CreateWindow must be a positive time span (it is {createWindow}).");
    }
}
