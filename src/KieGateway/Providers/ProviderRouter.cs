using KieGateway.Models;

namespace KieGateway.Providers;

/// <summary>Picks the adapter for a model; the model catalog decides which models exist and are on.</summary>
internal sealed class ProviderRouter(IEnumerable<IVideoProvider> providers)
{
    private readonly Dictionary<string, IVideoProvider> _byName = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IVideoProvider For(GatewayModel model) =>
        _byName.TryGetValue(model.Provider, out var provider)
            ? provider
            : throw new InvalidOperationException($"No provider is registered for '{model.Provider}'.");

    public IVideoProvider ForProvider(string name) =>
        _byName.TryGetValue(name, out var provider)
            ? provider
            : throw new InvalidOperationException($"No provider is registered for '{name}'.");
}
