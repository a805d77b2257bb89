using System.Net;
using System.Text.RegularExpressions;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Security;

/// <summary>Every answer carries the usual browser-facing headers; no CORS; Swagger UI still works under its CSP.</summary>
public sealed partial class SecurityHeadersTests : GatewayTest
{
    [Theory]
    [InlineData("/videos", HttpStatusCode.OK)]
    [InlineData("/videos/vid_0123456789abcdef0123456789abcdef", HttpStatusCode.NotFound)]
    [InlineData("/models", HttpStatusCode.OK)]
    [InlineData("/no-such-path", HttpStatusCode.NotFound)]
    public async Task ApiAnswersAreNotSniffedFramedReferredOrCached(string path, HttpStatusCode status)
    {
        var response = await Alice.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertBrowserHeaders(response);
        Assert.True(response.Headers.CacheControl?.NoStore, "client data is not cached");
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task ErrorsAndUnauthenticatedAnswersCarryTheHeadersToo()
    {
        var unauthorized = await Gateway.CreateClient().GetAsync("/videos");
        var invalid = await Alice.PostAsync("/videos", new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"));

        await unauthorized.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        AssertBrowserHeaders(unauthorized);
        AssertBrowserHeaders(invalid);
        Assert.True(invalid.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task SwaggerUiLoadsAndItsCspAllowsEveryScriptAndStylesheetItUses()
    {
        var client = Gateway.CreateClient();

        var page = await client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertBrowserHeaders(page);
        var policy = Header(page, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("'unsafe-eval'", policy);
        var html = await page.Content.ReadAsStringAsync();
        // No inline script: script-src 'self' would block it.
        Assert.DoesNotMatch(InlineScript(), html);
        var assets = Asset().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            Assert.False(Uri.TryCreate(asset, UriKind.Absolute, out _), $"{asset} is not on this origin: the CSP would block it");
            var response = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/swagger/"), asset));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
        }

        await (await client.GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK); // connect-src 'self'
    }

    [Fact]
    public async Task NoCrossOriginBrowserIsLetIn()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/videos");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        var simple = new HttpRequestMessage(HttpMethod.Get, "/videos");
        simple.Headers.Add("Origin", "https://evil.example");

        var preflightAnswer = await Alice.SendAsync(preflight);
        var simpleAnswer = await Alice.SendAsync(simple);

        Assert.True((int)preflightAnswer.StatusCode is >= 400 and < 500, $"preflight answered {(int)preflightAnswer.StatusCode}");
        Assert.DoesNotContain(preflightAnswer.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(simpleAnswer.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    private static void AssertBrowserHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is the TLS proxy's to set");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>\\s*\\S", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<(?:script[^>]*\\bsrc|link[^>]*\\bhref)=\"(?<url>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Asset();
}
