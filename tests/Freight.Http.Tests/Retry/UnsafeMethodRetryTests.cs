using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Retry;

public sealed class UnsafeMethodRetryTests
{
    [Fact]
    public async Task Post_is_not_retried_without_idempotency_key()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.PostAsync<Dictionary<string, int>>("shipments", new { weight = 3 }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.Error?.StatusCode);
        Assert.Equal(1, result.Error?.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.Empty(time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Patch_is_not_retried_without_idempotency_key()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(502), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.PatchAsync<Dictionary<string, int>>("shipments/1", new { weight = 3 }));

        Assert.Equal(HttpStatusCode.BadGateway, result.Error?.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Post_without_idempotency_key_is_not_retried_after_a_network_failure()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Abort(), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Post("shipments", new { weight = 3 })));

        Assert.Equal(ApiErrorKind.Network, result.Error?.Kind);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Post_with_idempotency_key_is_retried_and_sends_the_key_on_every_attempt()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Status(500), ScriptedResponse.Json("""{"id":9}"""));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));
        var request = ApiRequest.Post("shipments", new { weight = 3 }).WithIdempotencyKey("order-42");

        var result = await time.RunAsync(client.SendAsync<Dictionary<string, int>>(request));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(9, result.Value["id"]);
        Assert.Equal(3, server.RequestCount);
        Assert.All(server.Requests, recorded => Assert.Equal("order-42", recorded.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task Post_with_AllowRetry_is_retried()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));
        var request = ApiRequest.Post("shipments", new { weight = 3 });
        request.AllowRetry = true;

        var result = await time.RunAsync(client.SendAsync(request));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, recorded => Assert.False(recorded.Headers.ContainsKey("Idempotency-Key")));
    }

    [Fact]
    public async Task Post_is_retried_when_RetryUnsafeMethods_is_on()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        var options = TestClients.Options(server, time, maxAttempts: 4);
        options.Retry.RetryUnsafeMethods = true;
        using var client = ApiClient.Create(options);

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Post("shipments", new { weight = 3 })));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Put_is_retried_by_default()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("""{"id":5}"""));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.PutAsync<Dictionary<string, int>>("shipments/5", new { weight = 3 }));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, recorded => Assert.Equal("PUT", recorded.Method));
    }

    [Fact]
    public async Task Delete_is_retried_by_default()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Status(204));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.DeleteAsync("shipments/5"));

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }
}
