using Microsoft.Extensions.Options;

namespace KieGateway.Models;

/// <summary>What a request's <c>model</c> resolves to: the model that will make the video, or why none.</summary>
internal sealed record ModelResolution(GatewayModel? Requested, GatewayModel? Effective)
{
    public bool IsUnknown => Requested is null;

    public bool IsUnavailable => Requested is not null && Effective is null;
}

internal sealed class ModelCatalog(IOptionsMonitor<GatewayOptions> options)
{
    public IReadOnlyList<GatewayModel> All => GatewayModel.BuiltIn;

    public static GatewayModel? Find(string? id) =>
        GatewayModel.BuiltIn.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));

    public bool IsEnabled(GatewayModel model)
    {
        var current = options.CurrentValue;
        var modelOn = !current.Models.TryGetValue(model.Id, out var m) || m.Enabled;
        var providerOn = !current.Providers.TryGetValue(model.Provider, out var p) || p.Enabled;
        return modelOn && providerOn;
    }

    public string? FallbackOf(GatewayModel model) =>
        options.CurrentValue.Models.TryGetValue(model.Id, out var m) && !string.IsNullOrWhiteSpace(m.FallbackModel)
            ? m.FallbackModel
            : null;

    /// <summary>The requested (or default) model if it is on, else its fallback when the client allows one.</summary>
    public ModelResolution Resolve(string? requested, bool allowFallback)
    {
        var model = Find(requested ?? options.CurrentValue.DefaultModel);
        if (model is null || IsEnabled(model))
        {
            return new ModelResolution(model, model);
        }

        var fallback = allowFallback ? Find(FallbackOf(model)) : null;
        return new ModelResolution(model, fallback is not null && IsEnabled(fallback) ? fallback : null);
    }
}
