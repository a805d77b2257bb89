namespace KieGateway.Kie;

internal enum KieMode
{
    Live,
    Sandbox,
}

internal sealed class KieOptions
{
    public const string SectionName = "Kie";

    public string BaseUrl { get; set; } = "https://api.kie.ai";

    /// <summary>Kie's file-upload API lives on a host of its own (kie-api.md §3.3); same key.</summary>
    public string UploadBaseUrl { get; set; } = "https://kieai.redpandaai.co";

    /// <summary>How long Kie keeps an uploaded file (kie-api.md §3.3: 3 days), when its answer does not say.</summary>
    public TimeSpan UploadRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The Kie key. Never logged, never returned; may also come from <see cref="ApiKeyFile"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A mounted secret file holding the key (Docker / Kubernetes secrets), read when no key is given directly.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>Why <see cref="ApiKeyFile"/> gave no key, reported at start with every other problem (never bound).</summary>
    internal string? ApiKeyFileProblem { get; set; }

    /// <summary>Live or Sandbox; unset means Sandbox in Development and Live elsewhere.</summary>
    public KieMode? Mode { get; set; }

    /// <summary>How long one call to Kie may take before the gateway answers 504.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of read calls (status, credits); paid calls are never retried.</summary>
    public int ReadRetries { get; set; } = 3;

    public TimeSpan ReadRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Kie's dashboard webhook HMAC key; when set, every callback must carry a valid signature.</summary>
    public string? WebhookHmacKey { get; set; }

    /// <summary>How far a signed callback's timestamp may be from now.</summary>
    public TimeSpan CallbackReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Kie's account-wide create limit (20 per 10 s by default), shared by every replica on the store.</summary>
    public int CreateLimit { get; set; } = 20;

    public TimeSpan CreateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    public KieMode EffectiveMode => Mode ?? KieMode.Live;

    /// <summary>
    /// How long a create may still be under way (its one Kie call, then storing the task id): until then its row is
    /// not refreshed; after it, a row still without a task id is a create that died mid-call.
    /// </summary>
    internal TimeSpan CreateInFlightWindow => Timeout + TimeSpan.FromMinutes(1);

    internal AccountLimit CreateAccountLimit => new("create", CreateLimit, CreateLimitWindow);
}
