using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace KieGateway.OpenApi;

/// <summary>Declares the client-key Bearer scheme so that Swagger UI's Authorize button works.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeId = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "KieGateway";
        document.Info.Description = """
            One normalized video API over Kie.ai's Sora 2 and Veo 3.1. Authenticate with your gateway client key
            (`Authorization: Bearer <key>` or `X-Api-Key`). Every error is `application/problem+json` with a stable
            `code` and a `traceId`. In sandbox mode no Kie key is used and tasks complete in seconds.
            """;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Your gateway client key (not a Kie key).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
        return Task.CompletedTask;
    }
}
