using KieGateway.Bench.Processes;
using KieGateway.Bench.Runs;

namespace KieGateway.Bench.Servers;

/// <summary>
/// The baseline: Debian's nginx as a reverse proxy to the fake that adds Kie's Authorization header, configured
/// as one would for production (worker per core, keep-alive to the upstream, a buffered access log, since
/// the gateway logs every request too). It runs in the foreground from a config in the scratch folder.
/// </summary>
internal sealed class NginxServer(ChildProcess process, Uri baseUrl) : IServerProcess, IAsyncDisposable
{
    public ChildProcess Process { get; } = process;

    public Uri BaseUrl { get; } = baseUrl;

    public TimeSpan ReadyAfter { get; private set; }

    public static async Task<NginxServer> StartAsync(BenchEnvironment env, Uri kie, string kieKey, CancellationToken ct)
    {
        var dir = env.Scratch("nginx");
        var port = FreePorts.Next();
        var config = Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(dir, port, kie, kieKey), ct);
        // -e: the start-up error log goes to the scratch folder too, not /var/log/nginx.
        var process = ChildProcess.Start(new ChildProcessSpec("nginx", "nginx", ["-c", config, "-p", dir, "-e", Path.Combine(dir, "error.log")], env.Log("nginx")));
        var server = new NginxServer(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            server.ReadyAfter = await process.WaitForHttpAsync(new Uri(server.BaseUrl, "_bench/health"), TimeSpan.FromSeconds(30), ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The master and its workers added up (each one's RSS, each one's peak).</summary>
    public ProcessMemory Memory() => ProcessMemory.ReadTree(Process.Id);

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private static string Config(string dir, int port, Uri kie, string kieKey) => $$"""
        daemon off;
        master_process on;
        worker_processes auto;
        pid {{dir}}/nginx.pid;
        error_log {{dir}}/error.log warn;

        events {
            worker_connections 4096;
        }

        http {
            access_log {{dir}}/access.log combined buffer=64k flush=1s;
            client_body_temp_path {{dir}}/client_body;
            proxy_temp_path {{dir}}/proxy;
            fastcgi_temp_path {{dir}}/fastcgi;
            uwsgi_temp_path {{dir}}/uwsgi;
            scgi_temp_path {{dir}}/scgi;
            keepalive_requests 1000000;

            upstream kie {
                server {{kie.Host}}:{{kie.Port}};
                keepalive 64;
                keepalive_requests 1000000;
            }

            server {
                listen 127.0.0.1:{{port}};

                location = /_bench/health {
                    access_log off;
                    return 200 "ok";
                }

                location / {
                    proxy_pass http://kie;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Authorization "Bearer {{kieKey}}";
                }
            }
        }
        """;
}
