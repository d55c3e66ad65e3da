using System.Net;
using System.Text;
using Freight.TestUtils;

namespace Freight.Http.Tests.Timeouts;

/// <summary>The error body of a streamed call is read within the attempt timeout, so a stalled one cannot hang the call.</summary>
public sealed class StreamedErrorBodyTests
{
    [Fact]
    public async Task Stalled_error_body_of_a_download_ends_after_the_attempt_timeout()
    {
        await using var server = await ScriptedServer.StartAsync();
        var never = new TaskCompletionSource();
        server.Enqueue(ScriptedResponse.Chunked("application/json", Encoding.UTF8.GetBytes("{\"error\":"), never.Task, [], status: 500));
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, attemptTimeout: TimeSpan.FromSeconds(5), totalTimeout: TimeSpan.FromSeconds(30)));
        using var destination = new MemoryStream();

        var download = client.DownloadAsync(ApiRequest.Get("export"), destination);
        // The first 5 s timer guards the attempt; once the 500's headers are in, a second one guards reading its body.
        await time.WaitForPendingTimerAsync(due => due == TimeSpan.FromSeconds(5) && time.ScheduledDueTimes.Count == 2);
        time.Advance(TimeSpan.FromSeconds(5));

        var result = await download;
        never.TrySetResult();

        Assert.Equal(ApiErrorKind.Http, result.Error!.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, result.StatusCode);
        Assert.Equal(0, destination.Length);
    }
}
