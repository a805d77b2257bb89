namespace KieGateway.Bench.FakeKie;

/// <summary>
/// The fast fake of Kie: a minimal API on Kestrel that answers at once what the gateway calls (kie-api.md),
/// checks the Bearer key, counts what it made, and can inject faults into creates for drills.
/// </summary>
internal static class FakeKieApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // A log line per request would make the fake, not the gateway, the cost being measured.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var options = FakeKieOptions.Read(builder.Configuration, out var problems);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"kie: {problem}");
            }

            return 2;
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<FakeKieStats>();
        builder.Services.AddSingleton<CreateFaults>();
        builder.Services.AddSingleton(new RunTag(Guid.NewGuid().ToString("N")[..8]));

        var app = builder.Build();
        app.MapFakeKie();
        await app.RunAsync();
        return 0;
    }
}

/// <summary>A tag of this fake's run in its task ids: a restarted fake never hands out an id twice.</summary>
internal sealed record RunTag(string Value);
