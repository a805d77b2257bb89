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
        // A key given directly wins: the file is read only when there is none (compose passes both, one of them empty).
        if (string.IsNullOrWhiteSpace(options.ApiKey) && !string.IsNullOrWhiteSpace(options.ApiKeyFile))
        {
            options.ApiKey = ReadKeyFile(options.ApiKeyFile, out var problem);
            options.ApiKeyFileProblem = problem;
        }
    }

    /// <summary>The key in the file, or why there is none; a problem names the file, never what is in it.</summary>
    private static string? ReadKeyFile(string path, out string? problem)
    {
        problem = null;
        if (Directory.Exists(path))
        {
            problem = $"Kie:ApiKeyFile '{path}' is a directory; it must name the file that holds the key (e.g. /run/secrets/kie_api_key).";
            return null;
        }

        if (!File.Exists(path))
        {
            problem = $"Kie:ApiKeyFile '{path}' does not exist.";
            return null;
        }

        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The reason by kind only: an exception's own text is not ours to vouch for.
            var reason = ex is UnauthorizedAccessException ? "permission denied" : "the file is locked or unreadable";
            problem = $"Kie:ApiKeyFile '{path}' exists but cannot be read ({reason}). Make it readable by the gateway's user "
                      + "(uid 1654 in the container image), or give the key in Kie__ApiKey instead.";
            return null;
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
        errors.Require(options.ApiKeyFileProblem is null, options.ApiKeyFileProblem!);
        errors.Require(options.Timeout > TimeSpan.Zero, "Kie:Timeout must be positive.");
        errors.Require(options.ReadRetries is >= 0 and <= 10, "Kie:ReadRetries must be between 0 and 10.");
        errors.Require(options.CreateLimit is >= 1 and <= 100_000, "Kie:CreateLimit must be between 1 and 100000.");
        errors.Require(options.CreateLimitWindow > TimeSpan.Zero, "Kie:CreateLimitWindow must be positive.");
        return errors.ToResult();
    }
}
