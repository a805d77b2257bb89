using FluentValidation;
using KieGateway.Models;
using KieGateway.Security;
using Microsoft.Extensions.Options;

namespace KieGateway.Videos;

/// <summary>API.md's rules plus the rules of the model that will actually make the video.</summary>
internal sealed class CreateVideoValidator : AbstractValidator<CreateVideoRequest>
{
    public const int MaxPromptLength = 10_000;
    public const int MaxMetadataEntries = 16;
    public const int MaxMetadataKeyLength = 64;
    public const int MaxMetadataValueLength = 512;
    private const string PrivateNetworkMessage =
        "The URL points at a loopback, private, link-local or otherwise local address, which this gateway does not call "
        + "(an operator can allow them with Security:AllowPrivateNetworkUrls).";

    public CreateVideoValidator(ModelCatalog catalog, IOptions<SecurityOptions> security, IOptions<Kie.KieOptions> kie)
    {
        RuleFor(r => r.Prompt)
            .NotEmpty().WithMessage("A prompt is required.")
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("The prompt must contain more than white space.")
            .MaximumLength(MaxPromptLength).WithMessage($"The prompt is limited to {MaxPromptLength} characters.")
            // Refused rather than stripped: the prompt stays exactly what the client sent, and is echoed back as such.
            .Must(p => p is null || !p.Any(IsForbiddenControl))
            .WithMessage("The prompt may not contain control characters other than tab, line feed and carriage return.");

        RuleFor(r => r.Model)
            .Must(m => m is null || ModelCatalog.Find(m) is not null)
            .WithMessage(_ => $"Unknown model. Known models: {string.Join(", ", catalog.All.Select(m => m.Id))}.");

        RuleFor(r => r.AspectRatio)
            .Must(a => a is null || GatewayModel.AspectRatios.Contains(a))
            .WithMessage("aspectRatio must be '16:9' or '9:16'.");

        var allowPrivate = security.Value.AllowPrivateNetworkUrls;
        // In Sandbox mode nothing ever fetches an image (the simulator only looks at the URL), and the sandbox's own
        // uploads are served from the gateway's local address: there is nothing for the guard to protect there.
        var allowPrivateImages = allowPrivate || kie.Value.EffectiveMode == Kie.KieMode.Sandbox;
        RuleForEach(r => r.ImageUrls)
            .Must(OutboundUrls.IsAbsoluteHttp).WithMessage("Each image URL must be an absolute http(s) URL.")
            .Must(u => allowPrivateImages || !OutboundUrls.PointsToPrivateNetwork(u!)).WithMessage(PrivateNetworkMessage);

        RuleFor(r => r.CallbackUrl)
            .Must(u => u is null || OutboundUrls.IsAbsoluteHttp(u)).WithMessage("callbackUrl must be an absolute http(s) URL.")
            .Must(u => u is null || allowPrivate || !OutboundUrls.PointsToPrivateNetwork(u)).WithMessage(PrivateNetworkMessage);

        RuleFor(r => r.Metadata)
            .Must(m => m is null || m.Count <= MaxMetadataEntries)
            .WithMessage($"metadata holds at most {MaxMetadataEntries} entries.")
            .Must(m => m is null || m.All(kv => kv.Key.Length is > 0 and <= MaxMetadataKeyLength
                && kv.Value is not null && kv.Value.Length <= MaxMetadataValueLength))
            .WithMessage($"metadata keys are 1 to {MaxMetadataKeyLength} characters and values at most {MaxMetadataValueLength}.")
            // Echoed back, and passed on to webhooks and logs: the prompt's rule, and none at all in a key.
            .Must(m => m is null || m.All(kv => !kv.Key.Any(char.IsControl) && (kv.Value is null || !kv.Value.Any(IsForbiddenControl))))
            .WithMessage("metadata keys may not contain control characters, nor values any other than tab, line feed and carriage return.");

        // Model-specific rules apply to the model that will make the video (after any fallback).
        RuleFor(r => r).Custom((request, context) =>
        {
            var model = catalog.Resolve(request.Model, request.AllowFallback ?? false).Effective;
            if (model is null)
            {
                return;
            }

            if (request.DurationSeconds is { } seconds && !model.DurationsSeconds.Contains(seconds))
            {
                context.AddFailure(nameof(CreateVideoRequest.DurationSeconds),
                    $"{model.Id} makes videos of {string.Join(" or ", model.DurationsSeconds)} seconds.");
            }

            if (request.ImageUrls is { Count: > 0 } images && (images.Count < model.MinImages || images.Count > model.MaxImages))
            {
                context.AddFailure(nameof(CreateVideoRequest.ImageUrls), model.MinImages == model.MaxImages
                    ? $"{model.Id} takes at most {model.MaxImages} image (the first frame)."
                    : $"{model.Id} takes {model.MinImages} to {model.MaxImages} images (first and last frame).");
            }
        });
    }

    /// <summary>C0 and C1 control characters (NUL, ESC, DEL …) except the white space a prompt may carry.</summary>
    private static bool IsForbiddenControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');
}
