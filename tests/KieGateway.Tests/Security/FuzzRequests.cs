using System.Text;
using KieGateway.Tests.Infrastructure;
using static KieGateway.Tests.Security.MalformedBodies;

namespace KieGateway.Tests.Security;

/// <summary>
/// One generated request, and whether it is an invalid create or upload: a request that would reach Kie if it were
/// valid, and must be refused with 400, 401 or 413.
/// </summary>
public sealed record FuzzRequest(HttpRequestMessage Message, bool Anonymous, bool MustBeRefused, string Description);

/// <summary>
/// Malformed requests of every kind: bodies, encodings, content types, headers, paths and queries on /videos, and
/// (FuzzOtherEndpoints) uploads, /usage and Kie callbacks.
/// </summary>
public static class FuzzRequests
{
    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json",
        "application/problem+json", "*/*", "application/json; charset=\"utf-8\"", "application/json; charset=bogus-8", "////", "application/json;;;",
    ];

    private static readonly string[] Methods = ["PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND"];

    public static FuzzRequest Create(Random r) => r.Next(100) switch
    {
        < 40 => WithHeaders(r, InvalidCreate(r)),
        < 55 => WithHeaders(r, RawCreate(r)),
        < 75 => WithHeaders(r, OddRead(r)),
        < 87 => WithHeaders(r, FuzzOtherEndpoints.Upload(r)),
        < 93 => WithHeaders(r, FuzzOtherEndpoints.Usage(r)),
        _ => WithHeaders(r, FuzzOtherEndpoints.Callback(r)),
    };

    private static FuzzRequest InvalidCreate(Random r)
    {
        var (json, description) = MalformedBodies.InvalidCreate(r);
        var (bytes, contentType, encoding) = r.Next(10) switch
        {
            < 6 => (Encoding.UTF8.GetBytes(json), "application/json", "utf-8"),
            6 => (Encoding.Unicode.GetBytes(json), "application/json; charset=utf-16", "utf-16"),
            7 => (Encoding.UTF8.GetBytes(json), "application/json; charset=utf-16", "utf-8 sent as utf-16"),
            8 => (Encoding.Latin1.GetBytes(json), "application/json; charset=iso-8859-1", "latin-1"),
            _ => (Splice(r, Encoding.UTF8.GetBytes(json)), "application/json", "invalid utf-8"),
        };
        contentType = r.Next(10) == 0 ? Pick(r, ContentTypes) : contentType;
        var request = Post(bytes, contentType, chunked: r.Next(10) == 0);
        return new FuzzRequest(request, false, true, $"POST /videos ({encoding}) [{contentType}] {description}");
    }

    private static FuzzRequest RawCreate(Random r)
    {
        var (bytes, description) = Raw(r);
        var contentType = r.Next(3) == 0 ? Pick(r, ContentTypes) : r.Next(10) == 0 ? null : "application/json";
        return new FuzzRequest(Post(bytes, contentType, chunked: r.Next(10) == 0), false, true, $"POST /videos [{contentType}] {description}");
    }

    private static FuzzRequest OddRead(Random r)
    {
        // No NUL in paths: Kestrel refuses them before the gateway sees the request, and the test server cannot send them.
        var segment = Uri.EscapeDataString(r.Next(3) == 0 ? "vid_" + RandomHex(r, 32) : RandomText(r, r.Next(1, 300)).Replace('\0', '0'));
        var path = r.Next(8) switch
        {
            0 => "/videos?" + RandomQuery(r),
            1 => "/videos?" + Pick(r, ["limit", "status", "model", "cursor"]) + "=" + Uri.EscapeDataString(RandomText(r, r.Next(0, 200))),
            2 => $"/videos/{segment}?wait={Uri.EscapeDataString(Pick(r, ["-1", "61", "1e3", "abc", "9999999999", "", "0x10"]))}",
            3 => $"/videos/{segment}/events?" + RandomQuery(r),
            4 => "/videos/" + Pick(r, ["..%2F..%2Fetc", "%2e%2e", "%C0%AF", "%FF%FE", "a%2Fb", "%20", "~", "%E2%80%AE"]),
            5 => "/videos?limit=" + Pick(r, ["0", "101", "-5", "1.5", "", "1e2", "99999999999"]) + "&cursor=" + RandomHex(r, r.Next(0, 80)),
            _ => "/videos/" + segment,
        };
        var method = r.Next(4) == 0 ? new HttpMethod(Pick(r, Methods)) : r.Next(6) == 0 ? HttpMethod.Post : HttpMethod.Get;
        var request = new HttpRequestMessage(method, path);
        return new FuzzRequest(request, false, false, $"{method} {path}");
    }

    /// <summary>Adds odd headers, and sometimes takes the key away or puts a wrong one in its place.</summary>
    private static FuzzRequest WithHeaders(Random r, FuzzRequest request)
    {
        var headers = request.Message.Headers;
        var added = new List<string>();
        void Add(string name, string value)
        {
            headers.TryAddWithoutValidation(name, value);
            added.Add($"{name}: {(value.Length > 40 ? value[..40] + "…" : value)}");
        }

        if (r.Next(4) == 0)
        {
            Add("Idempotency-Key", Pick(r, [new string('k', r.Next(256, 2000)), "has space", "", "ключ", "k\u007f", RandomHex(r, 20)]));
        }

        if (r.Next(4) == 0)
        {
            Add("Accept", Pick(r, ["text/html", "application/xml", "*/*", "image/png", "application/problem+xml", "garbage/"]));
        }

        if (r.Next(6) == 0)
        {
            Add(Pick(r, ["X-Correlation-Id", "Content-Encoding", "X-Forwarded-For", "X-Http-Method-Override"]), RandomText(r, r.Next(0, 200)).Replace('\r', ' ').Replace('\n', ' ').Replace('\0', ' '));
        }

        var anonymous = false;
        switch (r.Next(12))
        {
            case 0:
                anonymous = true;
                added.Add("no key");
                break;
            case 1:
                Add("Authorization", Pick(r, ["Bearer wrong-key", "Bearer ", "Basic YWxpY2U6a2V5", "bearer" + TestClients.AliceKey, "Token " + TestClients.AliceKey]));
                break;
            case 2:
                anonymous = true;
                Add("X-Api-Key", TestClients.AliceKey);
                break;
        }

        return request with { Anonymous = request.Anonymous || anonymous, Description = request.Description + (added.Count > 0 ? " | " + string.Join("; ", added) : "") };
    }

    private static HttpRequestMessage Post(byte[] body, string? contentType, bool chunked)
    {
        HttpContent content = chunked ? new ChunkedContent(body, contentType) : new ByteArrayContent(body);
        if (contentType is not null && !chunked)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return new HttpRequestMessage(HttpMethod.Post, "/videos") { Content = content };
    }

    /// <summary>Invalid UTF-8 (a stray continuation byte, an overlong slash, a CESU surrogate, 0xFF) somewhere in the body.</summary>
    private static byte[] Splice(Random r, byte[] body)
    {
        byte[] bad = Pick<byte[]>(r, [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xC3, 0x28], [0xF8, 0x88, 0x80, 0x80, 0x80]]);
        var at = r.Next(0, body.Length + 1);
        return [.. body[..at], .. bad, .. body[at..]];
    }

    private static string RandomQuery(Random r) => string.Join("&", Enumerable.Range(0, r.Next(0, 6)).Select(_ =>
        Uri.EscapeDataString(Pick(r, ["status", "model", "limit", "cursor", "wait", RandomText(r, 5)])) + "=" + Uri.EscapeDataString(RandomText(r, r.Next(0, 50)))));

    private static string RandomHex(Random r, int length) => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[r.Next(16)]));
}
