using System.Net.Http.Headers;
using KieGateway.Sandbox;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace KieGateway.Kie;

internal static class KieExtensions
{
    /// <summary>
    /// One typed client with one resilience pipeline. Reads retry with backoff and honour
    /// Retry-After; POSTs (createTask, generate) are never retried because each one costs money.
    /// In Sandbox mode the primary handler is the embedded simulator, so the same client,
    /// pipeline and adapters run either way.
    /// </summary>
    public static IServiceCollection AddKie(this IServiceCollection services)
    {
        services.AddOptions<KieOptions>().BindConfiguration(KieOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<KieOptions>, KieOptionsSetup>();
        services.AddSingleton<IValidateOptions<KieOptions>, KieOptionsValidator>();

        services.AddSingleton<AccountPermits>();
        services.AddTransient<AccountLimitHandler>();
        var kie = services.AddHttpClient<KieClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<KieOptions>>().Value;
                http.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                    options.EffectiveMode == KieMode.Sandbox ? "sandbox" : options.ApiKey);
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
                sp.GetRequiredService<IOptions<KieOptions>>().Value.EffectiveMode == KieMode.Sandbox
                    ? sp.GetRequiredService<SandboxKieHandler>()
                    : new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        kie.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var options = sp.GetRequiredService<IOptions<KieOptions>>().Value;
                resilience.Retry.MaxRetryAttempts = Math.Max(1, options.ReadRetries);
                resilience.Retry.Delay = options.ReadRetryBaseDelay;
                resilience.Retry.ShouldRetryAfterHeader = true;
                // Only reads retry, decided here from the request itself: every create costs money.
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
                    options.ReadRetries > 0
                    && args.Context.GetRequestMessage()?.Method == HttpMethod.Get
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome));
                resilience.Retry.MaxDelay = TimeSpan.FromSeconds(30);
                resilience.AttemptTimeout.Timeout = options.Timeout;
                resilience.TotalRequestTimeout.Timeout =
                    options.Timeout * (options.ReadRetries + 1) + options.ReadRetryBaseDelay * 60;
                resilience.CircuitBreaker.SamplingDuration = options.Timeout * 2;
                resilience.CircuitBreaker.MinimumThroughput = 100;
                // Kie's 429s are its normal pacing (20 creates per 10 s), not a sign that it is down.
                resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests);
            });

        // Added after the resilience handler, so it runs inside it: once per attempt, retries included.
        kie.AddHttpMessageHandler<AccountLimitHandler>();
        return services;
    }
}
