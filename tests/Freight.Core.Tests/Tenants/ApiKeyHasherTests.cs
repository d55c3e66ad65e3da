using System.Text;
using Freight.Core.Persistence;
using Freight.Core.Tenants;

namespace Freight.Core.Tests.Tenants;

public sealed class ApiKeyHasherTests
{
    [Fact]
    public void New_keys_are_shaped_alike_and_never_repeat()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeyHasher.NewKey()).ToList();

        Assert.All(keys, key => Assert.Matches("^frt_[0-9A-Za-z]{48}$", key));
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys, key => Assert.True(ApiKeyHasher.TryGetPrefix(key, out var prefix) && prefix == key[4..12]));
    }

    [Fact]
    public void The_hash_depends_on_the_server_secret()
    {
        var key = ApiKeyHasher.NewKey();
        var one = new ApiKeyHasher(Encoding.UTF8.GetBytes(new string('a', 32)));
        var other = new ApiKeyHasher(Encoding.UTF8.GetBytes(new string('b', 32)));

        Assert.True(one.Matches(key, one.Hash(key)));
        Assert.False(other.Matches(key, one.Hash(key)));
        Assert.False(one.Matches(key[..^1] + (key[^1] == 'a' ? 'b' : 'a'), one.Hash(key)));
    }

    [Fact]
    public void A_server_secret_shorter_than_32_bytes_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ApiKeyHasher(new byte[31]));

    [Fact]
    public void Without_a_configured_secret_one_is_created_in_the_key_ring_for_its_user_only_and_shared_by_the_next_process()
    {
        var keyRing = Path.Combine(Path.GetTempPath(), "freight-secret-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new FreightPersistenceOptions { KeyRingDirectory = keyRing };

            var first = ServerSecret.Load(options);
            var second = ServerSecret.Load(options);

            Assert.Equal(32, first.Length);
            Assert.Equal(first, second);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keyRing, ServerSecret.FileName)));
            }

            Assert.Equal(Encoding.UTF8.GetBytes(new string('s', 40)), ServerSecret.Load(new FreightPersistenceOptions { KeyRingDirectory = keyRing, ApiKeySecret = new string('s', 40) }));
        }
        finally
        {
            Directory.Delete(keyRing, recursive: true);
        }
    }
}
