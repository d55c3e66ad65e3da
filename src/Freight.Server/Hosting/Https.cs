using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Freight.Server.Hosting;

/// <summary>
/// HTTPS with the operator's certificate (<see cref="ServerSettings.CertificatePath"/>, a PKCS#12 <c>.pfx</c> file,
/// and its <see cref="ServerSettings.CertificatePassword"/>): every <c>https://</c> address Kestrel listens on
/// serves it. The file is loaded at start, so a missing file or a wrong password stops the server there with a
/// message that names the file and never the password.
/// </summary>
public static class Https
{
    public static void UseConfiguredCertificate(this KestrelServerOptions kestrel, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        if (Load(settings) is { } certificate)
        {
            kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
        }
    }

    /// <summary>The configured certificate with its private key, or null when none is configured.</summary>
    public static X509Certificate2? Load(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            return null;
        }

        var path = Path.GetFullPath(settings.CertificatePath);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"CertificatePath: there is no file at {path}.", nameof(settings));
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword);
        }
        catch (CryptographicException error)
        {
            throw new ArgumentException($"CertificatePath: {path} is not a PKCS#12 (.pfx) certificate that CertificatePassword opens.", nameof(settings), error);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new ArgumentException($"CertificatePath: {path} holds no private key.", nameof(settings));
        }

        return certificate;
    }
}
