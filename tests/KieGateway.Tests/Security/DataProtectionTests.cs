using KieGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KieGateway.Tests.Security;

/// <summary>Nothing in the gateway protects data: a start neither creates a data-protection key nor warns about one.</summary>
public sealed class DataProtectionTests : IDisposable
{
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("kiegateway-keys-");

    [Fact]
    public async Task AStartCreatesNoKeyAndLogsNoWarningAboutOne()
    {
        // Keys go to a folder of this test's (AddDataProtection here would register data protection's start-up again).
        await using var gateway = new GatewayFactory(kie: null, services: services => services.Configure<KeyManagementOptions>(
            options => options.XmlRepository = new FileSystemXmlRepository(_keys, NullLoggerFactory.Instance)));
        using var client = gateway.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode); // started

        // Before, data protection's hosted service made a key at every start of a new container, with a warning that it
        // was stored unencrypted ("No XML encryptor configured").
        Assert.Empty(_keys.EnumerateFiles());
        Assert.DoesNotContain(gateway.Log.Lines, line => line.Contains("DataProtection", StringComparison.Ordinal));
    }

    public void Dispose() => _keys.Delete(recursive: true);
}
