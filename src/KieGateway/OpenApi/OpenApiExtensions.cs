namespace KieGateway.OpenApi;

internal static class OpenApiExtensions
{
    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options => options.AddDocumentTransformer<BearerSecurityTransformer>());

    /// <summary>OpenAPI at /openapi/v1.json, in every environment.</summary>
    public static WebApplication MapGatewayOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }

    /// <summary>Swagger UI at /swagger, in every environment; static files, so it sits before authentication.</summary>
    public static WebApplication UseGatewaySwaggerUI(this WebApplication app)
    {
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "KieGateway v1");
            ui.RoutePrefix = "swagger";
            ui.DocumentTitle = "KieGateway";
            ui.EnablePersistAuthorization();
        });
        return app;
    }
}
