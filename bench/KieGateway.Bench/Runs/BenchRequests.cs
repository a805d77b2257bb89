namespace KieGateway.Bench.Runs;

/// <summary>The requests the scenarios send: the same video asked of the gateway, and of Kie through nginx.</summary>
internal static class BenchRequests
{
    public const string Prompt = "A red fox running through fresh snow at dawn, slow motion";

    /// <summary>A client's create: the default model (veo-3.1-fast), no Idempotency-Key (it is optional).</summary>
    public const string CreateVideo = $$"""{"prompt":"{{Prompt}}"}""";

    /// <summary>What the gateway sends Kie for <see cref="CreateVideo"/> (kie-api.md §1.1), sent by the baseline directly.</summary>
    public const string VeoGenerate = $$"""{"prompt":"{{Prompt}}","model":"veo3_fast","generationType":"TEXT_2_VIDEO","aspect_ratio":"16:9"}""";

    /// <summary>A task id of the fake's own form; it answers every such id as a completed video.</summary>
    public const string FakeTaskId = "veo_bench_seed_1";

    public static string Bearer(string key) => $"Authorization: Bearer {key}";
}
