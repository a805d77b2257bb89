using System.Security.Cryptography;
using System.Text;
using KieGateway.Kie;
using KieGateway.Models;
using KieGateway.Security;
using Microsoft.Extensions.Options;

namespace KieGateway.Sandbox;

internal static class SandboxExtensions
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
        services.AddSingleton<KieSimulator>();
        services.AddSingleton<SandboxMediaUrl>();
        services.AddSingleton<SandboxFiles>();
        services.AddTransient<SandboxKieHandler>();

        // In Sandbox mode only, a development client exists so that Swagger UI works out of the box.
        // The mode is read from configuration, not from KieOptions, so that a Kie misconfiguration is reported once.
        services.AddOptions<GatewayOptions>().PostConfigure<IConfiguration, IHostEnvironment, IOptions<SandboxOptions>>((gateway, configuration, environment, sandbox) =>
        {
            var mode = KieOptionsSetup.ResolveMode(configuration.GetValue<KieMode?>($"{KieOptions.SectionName}:{nameof(KieOptions.Mode)}"), environment);
            // Outside Development the well-known key is not handed out: a shared sandbox sets its own.
            var keyChosen = environment.IsDevelopment() || configuration[$"{SandboxOptions.SectionName}:{nameof(SandboxOptions.ClientKey)}"] is { Length: > 0 };
            if (mode == KieMode.Sandbox && keyChosen && gateway.Clients.All(c => c.Id != sandbox.Value.ClientId))
            {
                gateway.Clients.Add(new GatewayClient
                {
                    Id = sandbox.Value.ClientId,
                    KeySha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sandbox.Value.ClientKey))),
                    Scopes = [Scopes.Admin],
                    WebhookSecret = sandbox.Value.WebhookSecret,
                });
            }
        });
        return services;
    }

    /// <summary>Says, once the gateway listens, where Swagger UI is and which key to use in Sandbox mode.</summary>
    public static WebApplication AnnounceSandbox(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var kie = app.Services.GetRequiredService<IOptions<KieOptions>>().Value;
            var address = app.Urls.FirstOrDefault()?.Replace("://+", "://localhost").Replace("://0.0.0.0", "://localhost")
                ?? "http://localhost:5080";
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KieGateway");
            logger.LogInformation("Swagger UI: {SwaggerUrl}", address + "/swagger");
            if (kie.EffectiveMode == KieMode.Sandbox)
            {
                var sandbox = app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;
                logger.LogInformation(
                    "Sandbox mode: no Kie key is used. Development client key: {SandboxClientKey} (Authorize in Swagger UI with it)",
                    sandbox.ClientKey);
            }
        });
        return app;
    }
}
