using System.Security.Cryptography;
using System.Text;
using Freight.Core.Persistence;

namespace Freight.Core.Tenants;

/// <summary>
/// The secret API keys are hashed with: <see cref="FreightPersistenceOptions.ApiKeySecret"/> when set, else 32 random
/// bytes kept in the key ring directory (created by the first process that needs them, readable by its user only).
/// Every process sharing a database must share it, as they share the key ring.
/// </summary>
internal static class ServerSecret
{
    public const string FileName = "api-key-secret";

    public static byte[] Load(FreightPersistenceOptions options)
    {
        if (options.ApiKeySecret is { } configured)
        {
            return Encoding.UTF8.GetBytes(configured);
        }

        Directory.CreateDirectory(options.KeyRingDirectory);
        var path = Path.Combine(options.KeyRingDirectory, FileName);
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new FileStream(path, create);
            var secret = RandomNumberGenerator.GetBytes(32);
            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(secret)));
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
