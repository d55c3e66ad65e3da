using Microsoft.AspNetCore.DataProtection;

namespace Freight.Core.Secrets;

/// <summary><see cref="ISecretProtector"/> on ASP.NET Core Data Protection (AES-256-CBC + HMACSHA256, rotating key ring).</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    // The purpose isolates these ciphertexts from anything else the same key ring protects.
    private const string Purpose = "Freight.Secrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return _protector.Protect(plaintext);
    }

    public string Unprotect(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        return _protector.Unprotect(protectedValue);
    }
}
