using KieGateway.Configuration;
using Microsoft.Extensions.Options;

namespace KieGateway.Kie;

/// <summary>Resolves the mode from the environment and the key from a secret file.</summary>
internal sealed class KieOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<KieOptions>
{
    public static KieMode ResolveMode(KieMode? configured, IHostEnvironment environment) =>
        configured ?? (environment.IsDevelopment() ? KieMode.Sandbox : KieMode.Live);

    public void PostConfigure(string? name, KieOptions options)
    {
        options.Mode = ResolveMode(options.Mode, environment);
        if (string.IsNullOrWhiteSpace(options.ApiKey) && !string.IsNullOrWhiteSpace(options.ApiKeyFile)
            && File.Exists(options.ApiKeyFile))
        {
            options.ApiKey = File.ReadAllText(options.ApiKeyFile).Trim();
        }
    }
}

internal sealed class KieOptionsValidator : IValidateOptions<KieOptions>
{
    public ValidateOptionsResult Validate(string? name, KieOptions options)
    {
        var errors = new OptionsErrors();
        errors.Require(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
            $"Kie:BaseUrl must be an absolute http(s) URL (it is '{options.BaseUrl}').");
        errors.Require(Uri.TryCreate(options.UploadBaseUrl, UriKind.Absolute, out var upload) && upload.Scheme is "http" or "https",
            $"Kie:UploadBaseUrl must be an absolute http(s) URL (it is '{options.UploadBaseUrl}').");
        errors.Require(options.UploadRetention > TimeSpan.Zero, "Kie:UploadRetention must be positive.");
        errors.Require(options.EffectiveMode != KieMode.Live || !string.IsNullOrWhiteSpace(options.ApiKey),
            "Kie:Mode is Live but no Kie key is configured. Set the environment variable Kie__ApiKey "
            + "(or Kie__ApiKeyFile to a mounted secret file), or run without Kie with Kie__Mode=Sandbox.");
        errors.Require(string.IsNullOrWhiteSpace(options.ApiKeyFile) || File.Exists(options.ApiKeyFile)
            || !string.IsNullOrWhiteSpace(options.ApiKey), $"Kie:ApiKeyFile '{options.ApiKeyFile}' does not exist.");
        errors.Require(options.Timeout > TimeSpan.Zero, "Kie:Timeout must be positive.");
        errors.Require(options.ReadRetries is >= 0 and <= 10, "Kie:ReadRetries must be between 0 and 10.");
        errors.Require(options.CreateLimit is >= 1 and <= 100_000, "Kie:CreateLimit must be between 1 and 100000.");
        errors.Require(options.CreateLimitWindow > TimeSpan.Zero, "Kie:CreateLimitWindow must be positive.");
        return errors.ToResult();
    }
}
