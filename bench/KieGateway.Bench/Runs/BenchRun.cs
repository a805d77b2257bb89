namespace KieGateway.Bench.Runs;

internal static class BenchRun
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("bench: not written yet");
        return Task.FromResult(2);
    }
}
