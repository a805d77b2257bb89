using KieGateway.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KieGateway.Tests.Client;

/// <summary>The client's options are validated, every problem at once, before a request is sent.</summary>
public sealed class ClientOptionsTests
{
    [Fact]
    public void AMissingAddressAndKeyAndAnOutOfRangeWaitAreReportedTogether()
    {
        var services = new ServiceCollection();
        services.AddKieGatewayClient(o => o.LongPollWait = TimeSpan.FromSeconds(90));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<KieGatewayClient>());

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("BaseAddress"));
        Assert.Contains(error.Failures, f => f.Contains("ApiKey"));
        Assert.Contains(error.Failures, f => f.Contains("LongPollWait"));
    }

    [Fact]
    public void OptionsAreCheckedWhenTheHostStartsNotAtTheFirstRequest()
    {
        var services = new ServiceCollection();
        services.AddKieGatewayClient(o => o.BaseAddress = new Uri("ftp://gateway/"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("BaseAddress"));
    }

    [Fact]
    public void AClientMadeWithoutDependencyInjectionValidatesItsOptionsToo()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<OptionsValidationException>(() => new KieGatewayClient(http, new KieGatewayClientOptions()));

        Assert.Equal(2, error.Failures.Count());
    }
}
