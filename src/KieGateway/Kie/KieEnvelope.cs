using System.Text.Json;

namespace KieGateway.Kie;

/// <summary>
/// Kie's <c>{ code, msg, data }</c> envelope, read liberally (<c>msg</c> or <c>message</c>); the file-upload
/// API adds <c>success</c>.
/// </summary>
internal sealed record KieEnvelope(int? Code, string? Message, JsonElement Data, bool? Success = null)
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public static async Task<KieEnvelope?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = await response.Content.ReadAsByteArrayAsync(ct);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        if (bytes.Length is 0 or > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var data = root.TryGetProperty("data", out var d) ? d.Clone() : default;
            var success = KieJson.Property(root, "success") is { ValueKind: JsonValueKind.True or JsonValueKind.False } s ? s.GetBoolean() : (bool?)null;
            return new KieEnvelope(KieJson.ReadInt(root, "code"), KieJson.ReadString(root, "msg", "message"), data, success);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
