using System.Text;
using System.Text.Json.Nodes;
using static KieGateway.Tests.Security.MalformedBodies;

namespace KieGateway.Tests.Security;

/// <summary>
/// Malformed requests beyond /videos: image uploads that are never a JPEG, PNG or WebP (multipart or JSON), /usage
/// queries, and Kie callbacks with made-up tokens and bodies. None may reach Kie.
/// </summary>
public static class FuzzOtherEndpoints
{
    /// <summary>An upload that must be refused: what it carries is never an image the gateway takes.</summary>
    public static FuzzRequest Upload(Random r)
    {
        var (content, description) = r.Next(3) switch
        {
            0 => Multipart(r),
            1 => UploadJson(r),
            _ => Other(r),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/uploads") { Content = content };
        return new FuzzRequest(request, false, true, "POST /uploads " + description);
    }

    public static FuzzRequest Usage(Random r)
    {
        string Date() => Pick(r, ["2026-11-01", "2026-11-25", "0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "26-11-01",
            "2026-11-25T00:00:00Z", "", "%00", "-1", "yesterday", RandomText(r, r.Next(0, 30))]);
        var day = Date(); // a one-day period reaches the edges of the calendar
        var query = r.Next(3) == 0
            ? $"from={Uri.EscapeDataString(day)}&to={Uri.EscapeDataString(day)}"
            : string.Join("&", Enumerable.Range(0, r.Next(0, 4)).Select(_ => Pick(r, ["from", "to", "clientId", "x"]) + "="
                + Uri.EscapeDataString(r.Next(4) == 0 ? RandomText(r, r.Next(0, 40)) : Date())));
        var method = r.Next(8) == 0 ? new HttpMethod(Pick(r, ["POST", "PUT", "DELETE", "PATCH"])) : HttpMethod.Get;
        return new FuzzRequest(new HttpRequestMessage(method, "/usage?" + query), false, false, $"{method} /usage?{query}");
    }

    /// <summary>A callback from someone who is not Kie: a token of no job, and any body.</summary>
    public static FuzzRequest Callback(Random r)
    {
        var token = r.Next(3) switch
        {
            0 => Convert.ToBase64String(Bytes(r, 32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'), // well-formed, no job's
            1 => Uri.EscapeDataString(RandomText(r, r.Next(1, 100)).Replace('\0', '0')),
            _ => Pick(r, ["x", "..%2F..%2Fvideos", "%C0%AF", new string('A', 43), new string('a', 500)]),
        };
        var task = Pick<JsonNode?>(r, ["veo_task_1", "task_sora_1", "", 42, null, new JsonArray(), RandomText(r, 20)]);
        var charge = Pick<JsonNode?>(r, [100, -5, 1e300, "1e400", "NaN", "100", "", true, new JsonObject(), 79228162514264337593543950336.0]);
        var body = r.Next(5) switch
        {
            0 => Encoding.UTF8.GetBytes(new JsonObject { ["code"] = 200, ["data"] = new JsonObject { ["taskId"] = task, ["consumeCredits"] = charge } }.ToJsonString()),
            1 => Encoding.UTF8.GetBytes(RandomJson(r, 6)?.ToJsonString() ?? "null"),
            2 => Encoding.UTF8.GetBytes(new string('[', r.Next(60, 5000))),
            3 => Bytes(r, r.Next(0, 2000)),
            _ => Encoding.UTF8.GetBytes("""{"data":{"task_id":"t","x":""" + $"\"{new string('x', r.Next(250_000, 300_000))}\"}}}}"), // near and over 256 KB
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/callbacks/kie/" + token)
        {
            Content = WithType(new ByteArrayContent(body), r.Next(5) == 0 ? "text/plain" : "application/json"),
        };
        if (r.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("X-Webhook-Timestamp", Pick(r, ["0", "-1", "99999999999999999999", "abc", ""]));
            request.Headers.TryAddWithoutValidation("X-Webhook-Signature", RandomText(r, r.Next(0, 60)).Replace('\r', ' ').Replace('\n', ' '));
        }

        return new FuzzRequest(request, true, false, $"POST /callbacks/kie/{(token.Length > 40 ? token[..40] + "…" : token)} ({body.Length} bytes)");
    }

    private static (HttpContent, string) Multipart(Random r)
    {
        var boundary = "b" + r.Next();
        var fileName = Pick(r, ["a.png", "", "../../etc/passwd", "x.jpg\0.exe", RandomText(r, r.Next(1, 300))]);
        var part = new StringBuilder($"--{boundary}\r\n");
        var kind = r.Next(6);
        part.Append(kind == 0 ? "Content-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n" // not the file part
            : kind == 1 ? "Content-Disposition: form-data; name=\"file\"\r\n" // a field, not a file
            : $"Content-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\n");
        part.Append("Content-Type: ").Append(Pick(r, ["image/png", "image/jpeg", "application/octet-stream", "text/html"])).Append("\r\n\r\n");
        var head = Encoding.UTF8.GetBytes(part.ToString());
        var end = Encoding.UTF8.GetBytes(kind == 2 ? "" : kind == 3 ? "\r\n--other--\r\n" : $"\r\n--{boundary}--\r\n"); // truncated, wrong end
        var type = r.Next(8) == 0 ? "multipart/form-data" : $"multipart/form-data; boundary={boundary}"; // no boundary
        return (WithType(new ByteArrayContent([.. head, .. NotAnImage(r), .. end]), type), $"multipart kind {kind} [{type}] file '{fileName}'");
    }

    private static (HttpContent, string) UploadJson(Random r)
    {
        var notAnImage = Convert.ToBase64String(NotAnImage(r));
        var base64 = Pick<JsonNode?>(r, [notAnImage, "data:image/png;base64," + notAnImage, "data:,", "not base64!", "====", "", null, 42,
            new JsonArray(notAnImage), new JsonObject { ["data"] = notAnImage }, RandomText(r, r.Next(0, 500))]);
        var body = new JsonObject { ["base64"] = base64 };
        switch (r.Next(5))
        {
            case 0:
                body["fileName"] = Pick<JsonNode?>(r, [1, new JsonArray(), RandomText(r, r.Next(0, 600))]);
                break;
            case 1:
                body["x_" + RandomText(r, 5)] = RandomJson(r, 3);
                break;
        }

        var json = r.Next(6) == 0 ? new string('{', r.Next(33, 3000)) : body.ToJsonString();
        return (WithType(new StringContent(json, Encoding.UTF8), "application/json"), "JSON " + (json.Length > 80 ? json[..80] + "…" : json));
    }

    private static (HttpContent, string) Other(Random r)
    {
        var type = Pick(r, ["text/plain", "image/png", "application/x-www-form-urlencoded", "application/octet-stream", "application/json; charset=bogus"]);
        var bytes = type.StartsWith("application/x-www", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes("file=" + Uri.EscapeDataString(RandomText(r, r.Next(0, 100))))
            : NotAnImage(r);
        return (WithType(new ByteArrayContent(bytes), type), $"[{type}] {bytes.Length} bytes");
    }

    /// <summary>Random bytes that start like no JPEG (FF D8), PNG (89 50) or WebP (RIFF): the one rule an upload must meet.</summary>
    private static byte[] NotAnImage(Random r)
    {
        var bytes = Bytes(r, r.Next(0, 4000));
        if (bytes.Length > 0)
        {
            bytes[0] = (byte)'x';
        }

        return bytes;
    }

    private static byte[] Bytes(Random r, int length)
    {
        var bytes = new byte[length];
        r.NextBytes(bytes);
        return bytes;
    }

    private static HttpContent WithType(HttpContent content, string type)
    {
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }
}
