using System.Net;
using KieGateway.Tests.Infrastructure;

namespace KieGateway.Tests.Kie;

/// <summary>The Kie key from a mounted secret file (Kie:ApiKeyFile): read, outranked by a key given directly, or refused clearly.</summary>
public sealed class KieKeyFileTests : IAsyncLifetime
{
    private const string Generate = "/api/v1/veo/generate";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kie-key-{Guid.NewGuid():N}");

    private FakeKie _kie = null!;

    public async Task InitializeAsync() => _kie = await FakeKie.StartAsync();

    [Fact]
    public async Task TheKeyIsReadFromTheFileWhenNoneIsGivenDirectly()
    {
        await File.WriteAllTextAsync(_file, FakeKie.ApiKey + "\n"); // secret files often end with a line break
        await using var gateway = Gateway(apiKey: null);

        var created = await gateway.ClientWithKey(TestClients.AliceKey).PostVideoAsync(new { prompt = "p" });

        await created.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal($"Bearer {FakeKie.ApiKey}", _kie.CallsTo(Generate).Single().Authorization);
    }

    [Fact]
    public async Task AKeyGivenDirectlyWinsOverTheFile()
    {
        await File.WriteAllTextAsync(_file, "kie-key-from-an-old-secret");
        await using var gateway = Gateway(apiKey: FakeKie.ApiKey);

        var created = await gateway.ClientWithKey(TestClients.AliceKey).PostVideoAsync(new { prompt = "p" });

        await created.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal($"Bearer {FakeKie.ApiKey}", _kie.CallsTo(Generate).Single().Authorization);
    }

    [Fact]
    public async Task AFileThatCannotBeReadStopsTheStartNamingTheFileButNotWhatIsInIt()
    {
        const string Secret = "kie-key-nobody-may-see-0123456789";
        await File.WriteAllTextAsync(_file, Secret);
        // Held open without sharing: unreadable even for root, which file permissions would not stop.
        await using var locked = new FileStream(_file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        await using var gateway = Gateway(apiKey: null);

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains($"Kie:ApiKeyFile '{_file}' exists but cannot be read", error.Message);
        Assert.Contains("or give the key in Kie__ApiKey instead", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("directory", "is a directory")]
    public async Task AFileThatIsNotThereOrNotAFileStopsTheStartSayingSo(string kind, string expected)
    {
        if (kind == "directory")
        {
            Directory.CreateDirectory(_file); // as when a secret volume is mounted where the file was meant to be
        }

        await using var gateway = Gateway(apiKey: null);

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains($"Kie:ApiKeyFile '{_file}' {expected}", error.Message);
        Assert.Contains("Kie:Mode is Live but no Kie key is configured", error.Message); // every problem at once
    }

    private GatewayFactory Gateway(string? apiKey) =>
        new(_kie, new Dictionary<string, string?> { ["Kie:ApiKey"] = apiKey, ["Kie:ApiKeyFile"] = _file });

    public async Task DisposeAsync()
    {
        await _kie.DisposeAsync();
        if (Directory.Exists(_file))
        {
            Directory.Delete(_file);
        }

        File.Delete(_file);
    }
}
