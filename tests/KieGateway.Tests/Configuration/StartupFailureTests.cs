using System.Diagnostics;

namespace KieGateway.Tests.Configuration;

/// <summary>
/// A gateway started with settings it cannot run on says why on stderr and exits 1, without a stack trace: the
/// process as an operator starts it (the test host's factory never runs Program's last line).
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kiegateway-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ALiveGatewayWithoutAKieKeyExitsWithTheReasonAndNoStackTrace()
    {
        var (exitCode, stdout, stderr) = await StartAsync(new() { ["Kie__Mode"] = "Live", ["Kie__ApiKey"] = "" });

        Assert.Equal(1, exitCode);
        Assert.StartsWith("KieGateway did not start:", stderr);
        Assert.Contains("Kie:Mode is Live but no Kie key is configured", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task ASettingOfTheWrongTypeExitsWithItsKeyAndNoStackTrace()
    {
        var (exitCode, stdout, stderr) = await StartAsync(new() { ["Kie__Timeout"] = "bogus" });

        Assert.Equal(1, exitCode);
        Assert.Contains("'bogus' at 'Kie:Timeout'", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task AStoreThatCannotBeOpenedExitsWithTheReasonAndNoStackTrace()
    {
        // A folder where the SQLite file should be.
        var (exitCode, stdout, stderr) = await StartAsync(new() { ["ConnectionStrings__Gateway"] = $"Data Source={_folder}" });

        Assert.Equal(1, exitCode);
        Assert.Contains("could not be used", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> StartAsync(Dictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Kie__Mode"] = "Sandbox";
        start.Environment["ConnectionStrings__Gateway"] = $"Data Source={Path.Combine(_folder, "gateway.db")}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, (await stderr).Trim());
    }
}
