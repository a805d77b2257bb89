using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace KieGateway.Configuration;

internal static class GatewaySettingsFile
{
    /// <summary>
    /// The one appsettings.json lives at the repository root and is copied beside the binaries.
    /// `dotnet run` uses the project folder as content root, so read the copy when the root has none.
    /// </summary>
    public static WebApplicationBuilder AddGatewaySettingsFile(this WebApplicationBuilder builder)
    {
        const string FileName = "appsettings.json";
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, FileName))
            || !File.Exists(Path.Combine(AppContext.BaseDirectory, FileName)))
        {
            return builder;
        }

        // Index 0: lowest precedence, exactly where the default appsettings.json would have been.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = FileName,
            Optional = false,
            ReloadOnChange = false,
        });
        return builder;
    }
}
