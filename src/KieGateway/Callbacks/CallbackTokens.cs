using System.Security.Cryptography;

namespace KieGateway.Callbacks;

/// <summary>An unguessable per-job token: the only thing that ties a Kie callback to a video.</summary>
internal static class CallbackTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string UrlFor(string publicBaseUrl, string token) => $"{publicBaseUrl.TrimEnd('/')}/callbacks/kie/{token}";
}
