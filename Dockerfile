# Build: the SDK image restores (its own layer, cached while the project files do not change) and publishes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/KieGateway/KieGateway.csproj src/KieGateway/
# --ucr: for the platform this stage runs on (the image's), so that the publish can be ReadyToRun (see the project file).
RUN dotnet restore src/KieGateway/KieGateway.csproj --ucr
# After the restore: a settings edit rebuilds from here, not the restore layer.
COPY appsettings.json ./
COPY src/KieGateway/ src/KieGateway/
RUN dotnet publish src/KieGateway/KieGateway.csproj -c Release --ucr --self-contained false -o /app --no-restore /p:UseAppHost=false

# Run: the ASP.NET Core runtime only, as a non-root user, on port 8080. No secret is baked in:
# the Kie key comes from Kie__ApiKey or a mounted file (Kie__ApiKeyFile); without one, set Kie__Mode=Sandbox.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /app/data && chown -R 1654:1654 /app/data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1
USER 1654
EXPOSE 8080
VOLUME ["/app/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["dotnet", "KieGateway.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "KieGateway.dll"]
