using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Security;

/// <summary>With the default Security:AllowPrivateNetworkUrls=false, URLs into local networks are refused at validation.</summary>
public sealed class PrivateNetworkUrlTests : GatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:AllowPrivateNetworkUrls"] = "false",
    };

    public static TheoryData<string> BlockedHosts => new()
    {
        // loopback, in the notations a URL allows
        "127.0.0.1", "127.255.255.254", "2130706433", "0x7f.1", "127.1", "127.0.0.1.",
        // private, CGNAT, link-local and the cloud metadata address
        "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.254", "169.254.169.254",
        // unspecified, broadcast, reserved, multicast
        "0.0.0.0", "255.255.255.255", "240.0.0.1", "224.0.0.1", "239.255.255.250",
        // IPv6: loopback, unspecified, unique local, link-local, site-local, multicast
        "[::1]", "[::]", "[fc00::1]", "[fd12:3456::1]", "[fe80::1]", "[fe80::1%25eth0]", "[fec0::1]", "[ff02::1]",
        // IPv4 wrapped in IPv6: mapped, NAT64, 6to4, and Teredo
        "[::ffff:127.0.0.1]", "[::ffff:a9fe:a9fe]", "[64:ff9b::10.0.0.1]", "[2002:7f00:1::1]", "[2001:0:4136:e378::1]",
        // names that only mean this machine or the local network
        "localhost", "LOCALHOST.", "api.localhost", "printer.local", "metadata.google.internal", "intranet",
    };

    [Theory]
    [MemberData(nameof(BlockedHosts))]
    public async Task AUrlIntoALocalNetworkIsRefusedAsCallbackAndAsImage(string host)
    {
        var url = $"http://{host}:8080/x";

        var response = await Alice.PostVideoAsync(new { prompt = "p", imageUrls = new[] { url }, callbackUrl = url });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("callbackUrl") && errors.ContainsKey("imageUrls[0]"), errors.ToJsonString());
        Assert.Contains("local", errors["callbackUrl"]![0].Str());
        Assert.Empty(Kie.Calls);
    }

    [Theory]
    [InlineData("https://hooks.example.com/kie")]
    [InlineData("https://93.184.215.14/kie")]
    [InlineData("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/kie")]
    [InlineData("https://[::ffff:93.184.215.14]/kie")]
    [InlineData("http://172.32.0.1:8080/kie")]
    public async Task APublicUrlIsAccepted(string url)
    {
        var response = await Alice.PostVideoAsync(new { prompt = "p", imageUrls = new[] { url }, callbackUrl = url });

        await response.AssertJsonAsync(HttpStatusCode.Accepted);
    }
}

/// <summary>An operator whose clients' receivers live on the internal network switches the guard off.</summary>
public sealed class PrivateNetworkUrlsAllowedTests : GatewayTest
{
    [Fact]
    public async Task WithAllowPrivateNetworkUrlsALoopbackCallbackIsAccepted()
    {
        var response = await Alice.PostVideoAsync(new { prompt = "p", imageUrls = new[] { "http://10.0.0.1/a.png" }, callbackUrl = "http://localhost:9/hooks" });

        await response.AssertJsonAsync(HttpStatusCode.Accepted);
    }
}

public sealed class SecurityOptionsTests
{
    [Fact]
    public async Task AMistypedAllowPrivateNetworkUrlsStopsTheGatewayAtStartNamingTheKey()
    {
        await using var gateway = new GatewayFactory(kie: null, new Dictionary<string, string?> { ["Security:AllowPrivateNetworkUrls"] = "maybe" });

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Security:AllowPrivateNetworkUrls", error.ToString());
        File.Delete(gateway.DatabasePath);
    }
}
