using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KieGateway.Kie;

/// <summary>
/// Liberal readers for Kie's drifting documents: both field names, numbers as strings,
/// JSON nested in strings, timestamps as text or epoch seconds / milliseconds.
/// </summary>
internal static class KieJson
{
    public static readonly JsonSerializerOptions WriteOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonElement? Property(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                return value;
            }
        }

        return null;
    }

    public static string? ReadString(JsonElement element, params string[] names) =>
        Property(element, names) switch
        {
            { ValueKind: JsonValueKind.String } v when v.GetString() is { Length: > 0 } s => s,
            { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
            _ => null,
        };

    public static int? ReadInt(JsonElement element, params string[] names) =>
        Property(element, names) switch
        {
            { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var i) => i,
            { ValueKind: JsonValueKind.Number } v when v.TryGetDouble(out var d) => (int)d,
            { ValueKind: JsonValueKind.String } v when int.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var i) => i,
            _ => null,
        };

    public static decimal? ReadDecimal(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };

    /// <summary>Reads an object that may arrive as an object or as a JSON string holding one.</summary>
    public static JsonElement? ReadObject(JsonElement element, params string[] names)
    {
        var value = Property(element, names);
        if (value is { ValueKind: JsonValueKind.String } text && text.GetString() is { Length: > 0 } json)
        {
            try
            {
                using var nested = JsonDocument.Parse(json);
                return nested.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return value is { ValueKind: JsonValueKind.Object } ? value : null;
    }

    /// <summary>A list of URLs given as an array, a JSON string of an array, or one URL.</summary>
    public static IReadOnlyList<string> ReadStringList(JsonElement element, params string[] names)
    {
        var value = Property(element, names);
        if (value is { ValueKind: JsonValueKind.String } text && text.GetString() is { } s)
        {
            var trimmed = s.Trim();
            if (!trimmed.StartsWith('['))
            {
                return trimmed.Length > 0 ? [trimmed] : [];
            }

            try
            {
                using var nested = JsonDocument.Parse(trimmed);
                return Strings(nested.RootElement);
            }
            catch (JsonException)
            {
                // Kie's callback schema once showed '[http://…]' unquoted: split that list on commas.
                return trimmed.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }

        return value is { ValueKind: JsonValueKind.Array } array ? Strings(array) : [];
    }

    public static DateTimeOffset? ReadTime(JsonElement element, params string[] names)
    {
        var value = Property(element, names);
        if (value is { ValueKind: JsonValueKind.Number } number && number.TryGetInt64(out var epoch))
        {
            return FromEpoch(epoch);
        }

        if (value is { ValueKind: JsonValueKind.String } text && text.GetString() is { Length: > 0 } s)
        {
            if (long.TryParse(s, CultureInfo.InvariantCulture, out var epochText))
            {
                return FromEpoch(epochText);
            }

            // Kie's "YYYY-MM-DD HH:mm:ss" carries no zone; it is read as UTC.
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return parsed;
            }
        }

        return null;
    }

    // Seconds or milliseconds; anything else (micro-, nanoseconds, garbage) is no time at all.
    private static DateTimeOffset? FromEpoch(long epoch) => epoch switch
    {
        <= 0 => null,
        <= 100_000_000_000 => DateTimeOffset.FromUnixTimeSeconds(epoch),
        <= 253_402_300_799_999 => DateTimeOffset.FromUnixTimeMilliseconds(epoch),
        _ => null,
    };

    private static string[] Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!).Where(s => s.Length > 0).ToArray()
            : [];
}
