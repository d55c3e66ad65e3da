using Freight.TestUtils;

namespace Freight.Http.Tests.Retry;

/// <summary>The call most retry tests make: one GET, up to four attempts, to a server whose second answer is a 200.</summary>
internal static class RetryCalls
{
    /// <summary>
    /// Sends a GET to a fresh server that answers <paramref name="firstAnswer"/> and then <c>{}</c>, drives
    /// <paramref name="time"/> until the call ends, and returns its result and how many requests the server saw.
    /// </summary>
    public static async Task<(ApiResult Result, int Requests)> GetAnsweredFirstBy(
        ScriptedResponse firstAnswer,
        ManualTimeProvider time,
        Action<ApiClientOptions>? configure = null)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(firstAnswer, ScriptedResponse.Json("{}"));
        var options = TestClients.Options(server, time, maxAttempts: 4);
        configure?.Invoke(options);
        using var client = ApiClient.Create(options);

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("shipments")));
        return (result, server.RequestCount);
    }
}
