namespace Freight.Core.Secrets;

/// <summary>Encrypts secrets stored at rest (job configs with credentials) and decrypts them for use.</summary>
public interface ISecretProtector
{
    /// <summary>An opaque, authenticated ciphertext of <paramref name="plaintext"/>, safe to store.</summary>
    string Protect(string plaintext);

    /// <summary>The plaintext of a value made by <see cref="Protect"/>; throws if it was tampered with.</summary>
    string Unprotect(string protectedValue);
}
