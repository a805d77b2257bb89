using System.Security.Claims;
using KieGateway.Errors;
using KieGateway.Kie;
using KieGateway.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;
using Microsoft.Extensions.Options;

namespace KieGateway.Uploads;

internal static class UploadsApi
{
    /// <summary>A 10 MB image as base64 is 13.4 MB of JSON; the request may be that and a little more.</summary>
    public const long MaxRequestBytes = 14 * 1024 * 1024;

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/uploads", UploadAsync).WithName("UploadImage").WithTags("Uploads").RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithSummary("Store an image on Kie's file host, for use in a create's imageUrls")
            .WithDescription(UploadsApiDocs.Upload)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout)
            .AddOpenApiOperationTransformer(UploadsApiDocs.Transform);
        return routes;
    }

    /// <summary>
    /// 201 Created, with the file's URL as Location: the file exists once this answers (unlike a video,
    /// which a 202 promises for later). The image is checked before Kie is called; the upload is sent once.
    /// </summary>
    public static async Task<Results<Created<Upload>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, KieClient kie, TimeProvider time, IOptions<KieOptions> options,
        IOptions<JsonOptions> json, ILoggerFactory loggers, CancellationToken ct)
    {
        switch (await ImageReader.ReadAsync(request, json.Value.SerializerOptions, ct))
        {
            case ImageRead.Invalid invalid:
                return GatewayProblems.Validation(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] }, invalid.Message);
            case ImageRead.Accepted image:
                var file = await kie.UploadFileAsync(image.Bytes, UploadFileName.For(image.FileName, image.Type), image.Type.MediaType, ct);
                // Kie's answer gives the upload time, not an expiry: its documented retention is counted from then.
                var expiresAt = file.ExpiresAt ?? (file.UploadedAt ?? time.GetUtcNow()) + options.Value.UploadRetention;
                loggers.CreateLogger(typeof(UploadsApi)).LogInformation(
                    "Client {ClientId} uploaded a {ContentType} image of {SizeBytes} bytes, kept until {ExpiresAt}",
                    user.ClientId(), image.Type.MediaType, image.Bytes.Length, expiresAt);
                return TypedResults.Created(file.DownloadUrl,
                    new Upload(file.DownloadUrl.ToString(), expiresAt, image.Type.MediaType, image.Bytes.Length));
            case ImageRead.TooLarge:
                return GatewayProblems.Problem(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge,
                    "The image is too large.", $"An image may be at most {ImageReader.MaxImageBytes / (1024 * 1024)} MB.");
        }

        throw new System.Diagnostics.UnreachableException();
    }
}
