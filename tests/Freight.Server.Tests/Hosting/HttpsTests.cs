using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Freight.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Freight.Server.Tests.Hosting;

/// <summary>The API on an https:// loopback address, over its own SQLite file and key ring.</summary>
public sealed class HttpsTests : IDisposable
{
    private const string Password = "pfx-password-3e8d1c";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "freight-server-tests", "tls-" + Guid.NewGuid().ToString("N"));

    public HttpsTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task With_a_certificate_configured_the_api_answers_over_https_with_it()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(_directory, "server.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, Password));
        await using var server = await StartAsync(new() { ["Freight:CertificatePath"] = path, ["Freight:CertificatePassword"] = Password });
        var address = new Uri(server.Urls.Single());
        string? served = null;
        using var handler = new HttpClientHandler
        {
            // Trust exactly this certificate, and note which one the server presented.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
            {
                served = presented?.Thumbprint;
                return presented?.Thumbprint == certificate.Thumbprint;
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        using var response = await client.GetAsync("/health/live");

        Assert.Equal("https", address.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(certificate.Thumbprint, served);
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_the_start_without_showing_the_password()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(_directory, "server.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, Password));
        const string wrong = "not-the-password-77";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(new() { ["Freight:CertificatePath"] = path, ["Freight:CertificatePassword"] = wrong }));

        Assert.Equal($"CertificatePath: {path} is not a PKCS#12 (.pfx) certificate that CertificatePassword opens. (Parameter 'settings')", error.Message);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_certificate_file_stops_the_start()
    {
        var path = Path.Combine(_directory, "missing.pfx");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(new() { ["Freight:CertificatePath"] = path }));

        Assert.Equal($"CertificatePath: there is no file at {path}. (Parameter 'settings')", error.Message);
    }

    [Fact]
    public void The_settings_never_print_the_admin_key_or_the_certificate_password()
    {
        var settings = new ServerSettings { AdminKey = "admin-secret-1", CertificatePath = "/etc/freight/tls.pfx", CertificatePassword = Password };

        var text = settings.ToString();

        Assert.DoesNotContain("admin-secret-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.Contains("AdminKey = (set)", text, StringComparison.Ordinal);
        Assert.Contains("CertificatePath = /etc/freight/tls.pfx, CertificatePassword = (set)", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Freight:Database"] = Path.Combine(_directory, "freight.db");
        settings["Freight:KeyRing"] = Path.Combine(_directory, "keys");
        settings["Freight:RunWorker"] = "false";
        var builder = FreightServer.CreateBuilder(settings);
        builder.WebHost.UseUrls("https://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = FreightServer.Build(builder);
        await app.StartAsync();
        return app;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
