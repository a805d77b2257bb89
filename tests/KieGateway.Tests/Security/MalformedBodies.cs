using System.Text;
using System.Text.Json.Nodes;

namespace KieGateway.Tests.Security;

/// <summary>
/// Bodies for POST /videos that are invalid by construction: a valid body with one to three mutations, each
/// of which leaves its field invalid whatever the others do; or bytes that are not the JSON of a request.
/// </summary>
public static class MalformedBodies
{
    private static readonly string[] Models = ["veo-3.1-fast", "veo-3.1", "sora-2", "sora-2-pro"];

    private static readonly Func<Random, JsonObject, string>[] Mutations =
    [
        (_, b) => Remove(b, "prompt"),
        (r, b) => Set(b, "prompt", r.Next(5) == 0 ? null : WrongType(r)),
        (r, b) => Set(b, "prompt", "a fox " + (char)Pick(r, [0, 7, 8, 11, 12, 27, 127, 133, 155]) + " runs"),
        (r, b) => Set(b, "prompt", new string('p', r.Next(10_001, 12_000))),
        (r, b) => Set(b, "prompt", new string('p', r.Next(66_000, 300_000))),
        (r, b) => Set(b, "x_" + RandomText(r, r.Next(1, 20)), RandomJson(r, 3)),
        (r, b) => Set(b, "model", "no-such-" + RandomText(r, r.Next(0, 30))),
        (r, b) => Set(b, "aspectRatio", r.Next(4) > 0 ? Pick(r, ["4:3", "", "16:9 ", "landscape", "1:1"]) : WrongType(r)),
        (r, b) => Set(b, "durationSeconds", Pick<JsonNode?>(r, ["ten", 8.5, 1e40, -1, 0, 2147483648L, true, new JsonArray(), new JsonObject()])),
        (r, b) => Set(b, "imageUrls", r.Next(3) == 0 ? WrongType(r, array: true) : new JsonArray(BadUrl(r))),
        (r, b) => Set(b, "imageUrls", new JsonArray(Enumerable.Range(0, r.Next(3, 40)).Select(i => (JsonNode?)$"https://img.example/{i}.png").ToArray())),
        (r, b) => Set(b, "callbackUrl", r.Next(3) == 0 ? WrongType(r) : BadUrl(r)),
        (r, b) => Set(b, "metadata", BadMetadata(r)),
        (r, b) => Set(b, "allowFallback", Pick<JsonNode?>(r, ["yes", "true", 1, new JsonArray(), "", 0.5])),
        (r, b) => Set(b, Pick(r, ["prompt", "metadata", "imageUrls", "x_deep"]), Nested(r, r.Next(33, 400))),
    ];

    public static (string Body, string Description) InvalidCreate(Random r)
    {
        var body = new JsonObject { ["prompt"] = "a red fox in the snow" };
        if (r.Next(2) == 0)
        {
            body["model"] = Pick(r, Models);
        }

        var applied = Enumerable.Range(0, r.Next(1, 4)).Select(_ => Mutations[r.Next(Mutations.Length)](r, body)).ToList();
        return (body.ToJsonString(), string.Join(", ", applied));
    }

    /// <summary>Bytes that are not a JSON object: garbage, truncated JSON, JSON of another shape, or over the 64 KB cap.</summary>
    public static (byte[] Body, string Description) Raw(Random r)
    {
        switch (r.Next(6))
        {
            case 0:
                var bytes = new byte[r.Next(0, 2000)];
                r.NextBytes(bytes);
                return (bytes, $"{bytes.Length} random bytes");
            case 1:
                var json = InvalidCreate(r).Body;
                return (Encoding.UTF8.GetBytes(json[..r.Next(0, json.Length)]), "truncated JSON");
            case 2:
                var other = Pick(r, ["[]", "null", "true", "42", "\"prompt\"", "[{\"prompt\":\"p\"}]", "{", "}", "{}}", "{\"prompt\":\"p\"}{}", "{\"prompt\":\"\\ud800\"}", "{\"prompt\":\"p\",\"prompt\":7}"]);
                return (Encoding.UTF8.GetBytes(other), "JSON of another shape: " + other);
            case 3:
                var padded = new string(' ', r.Next(64 * 1024, 200_000)) + "{\"prompt\":\"p\"}";
                return (Encoding.UTF8.GetBytes(padded), $"{padded.Length} bytes over the cap");
            case 4:
                return (Encoding.UTF8.GetBytes(RandomJson(r, 6)?.ToJsonString() ?? "null"), "random JSON");
            default:
                return (Encoding.UTF8.GetBytes(new string(Pick(r, ['[', '{']), r.Next(33, 60_000))), "deep brackets");
        }
    }

    public static JsonNode? RandomJson(Random r, int depth)
    {
        switch (r.Next(depth > 0 ? 7 : 5))
        {
            case 0: return null;
            case 1: return r.Next(2) == 0;
            case 2: return r.Next(3) == 0 ? r.NextDouble() * Math.Pow(10, r.Next(-10, 300)) : r.Next(int.MinValue, int.MaxValue);
            case 3 or 4: return RandomText(r, r.Next(0, 200));
            case 5: return new JsonArray(Enumerable.Range(0, r.Next(0, 5)).Select(_ => RandomJson(r, depth - 1)).ToArray());
            default:
                var obj = new JsonObject();
                for (var i = r.Next(0, 5); i > 0; i--)
                {
                    obj["k" + i + RandomText(r, 5)] = RandomJson(r, depth - 1);
                }

                return obj;
        }
    }

    /// <summary>Any UTF-16 text, lone surrogates and control characters included.</summary>
    public static string RandomText(Random r, int length) =>
        new(Enumerable.Range(0, length).Select(_ => r.Next(4) == 0 ? (char)r.Next(0, 0xFFFF) : (char)r.Next(0x20, 0x7F)).ToArray());

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    /// <summary>Never null, and never of the field's type: not a string, or (<paramref name="array"/>) not an array.</summary>
    private static JsonNode WrongType(Random r, bool array = false) => r.Next(4) switch
    {
        0 => r.Next(2) == 0,
        1 => r.Next(),
        2 => array ? "https://img.example/a.png" : new JsonArray(1, "two"),
        _ => new JsonObject { ["a"] = 1 },
    };

    private static string BadUrl(Random r) => Pick(r,
    [
        "not a url", "/relative.png", "ftp://example.com/a.png", "javascript:alert(1)", "file:///etc/passwd", "http://", "https://",
        "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://localhost/", "http://10.1.2.3/", "gopher://x/",
        "https://a.example/" + new string('x', r.Next(2048, 5000)), RandomText(r, r.Next(0, 100)),
    ]);

    private static JsonNode BadMetadata(Random r) => r.Next(6) switch
    {
        0 => new JsonObject(Enumerable.Range(0, r.Next(17, 60)).Select(i => KeyValuePair.Create("k" + i, (JsonNode?)"v"))),
        1 => new JsonObject { ["k"] = r.Next(3) == 0 ? null : WrongType(r) },
        2 => new JsonObject { [new string('k', r.Next(65, 500))] = "v" },
        3 => new JsonObject { ["k"] = new string('v', r.Next(513, 5000)) },
        4 => new JsonObject { [""] = "v" },
        _ => new JsonArray("k", "v"),
    };

    private static JsonNode Nested(Random r, int depth)
    {
        JsonNode node = "leaf";
        for (var i = 0; i < depth; i++)
        {
            node = r.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }

        return node;
    }

    private static string Remove(JsonObject body, string field)
    {
        body.Remove(field);
        return "no " + field;
    }

    private static string Set(JsonObject body, string field, JsonNode? value)
    {
        body[field] = value;
        var text = value?.ToJsonString() ?? "null";
        return $"{field}={(text.Length > 60 ? text[..60] + $"…({text.Length})" : text)}";
    }
}
