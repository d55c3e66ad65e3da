using Freight.TestUtils;

namespace Freight.Http.Tests.Retry;

/// <summary>Failures of the caller's own code are surfaced, not mistaken for network errors and retried.</summary>
public sealed class CallerCodeFailureTests
{
    [Fact]
    public async Task Body_factory_that_throws_an_IOException_is_not_retried_and_surfaces()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = ApiClient.Create(TestClients.Options(server, maxAttempts: 4));
        var opened = 0;
        var request = new ApiRequest(HttpMethod.Put, "upload").WithBody(RequestBody.FromFactory(() =>
        {
            opened++;
            throw new FileNotFoundException("export.csv is missing");
        }));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(request));

        Assert.IsType<FileNotFoundException>(thrown.InnerException);
        Assert.Contains("could not be created", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(1, opened);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Exception_thrown_by_a_hook_surfaces_unchanged()
    {
        await using var server = await ScriptedServer.StartAsync();
        var options = TestClients.Options(server, maxAttempts: 4);
        options.Hooks.Add(new ThrowingHook());
        using var client = ApiClient.Create(options);

        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync(ApiRequest.Get("x")));

        Assert.Equal("hook bug", thrown.Message);
        Assert.Equal(0, server.RequestCount);
    }

    private sealed class ThrowingHook : IRequestHook
    {
        public ValueTask<HttpResponseMessage?> BeforeAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new ArgumentException("hook bug");
    }
}
