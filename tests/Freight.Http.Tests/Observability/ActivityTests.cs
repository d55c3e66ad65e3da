using System.Diagnostics;
using Freight.TestUtils;

namespace Freight.Http.Tests.Observability;

public sealed class ActivityTests
{
    [Fact]
    public async Task One_client_activity_per_call_carries_method_and_final_status_even_with_retries()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 2));
        using var recorder = new ActivityRecorder();

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("companies")));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, server.RequestCount);
        var activity = Assert.Single(recorder.Stopped);
        Assert.Equal("HTTP GET", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("/companies", activity.GetTagItem("url.path"));
        Assert.Equal(server.BaseAddress.Host, activity.GetTagItem("server.address"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public async Task Failed_call_marks_its_activity_as_an_error_with_the_kind()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"error":"not_found"}""", status: 404));
        using var client = ApiClient.Create(TestClients.Options(server));
        using var recorder = new ActivityRecorder();

        await client.SendAsync(ApiRequest.Delete("companies/9"));

        var activity = Assert.Single(recorder.Stopped);
        Assert.Equal("DELETE", activity.GetTagItem("http.request.method"));
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("Http", activity.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public async Task Activities_never_carry_the_query_string()
    {
        await using var server = await ScriptedServer.StartAsync();
        var options = TestClients.Options(server);
        options.Auth = ApiAuth.ApiKey("api_key", "key-SECRET-1", ApiKeyLocation.Query);
        using var client = ApiClient.Create(options);
        using var recorder = new ActivityRecorder();

        await client.SendAsync(ApiRequest.Get("search").WithQuery("email", "ceo@SECRET.example"));
        await client.SendAsync(ApiRequest.Get("search?token=SECRET-2"));

        Assert.Equal(2, server.RequestCount);
        Assert.Contains("key-SECRET-1", server.Requests[0].QueryString, StringComparison.Ordinal);
        Assert.Equal(2, recorder.Stopped.Count);
        foreach (var activity in recorder.Stopped)
        {
            Assert.Equal("/search", activity.GetTagItem("url.path"));
            Assert.DoesNotContain("SECRET", activity.DisplayName, StringComparison.Ordinal);
            foreach (var (name, value) in activity.TagObjects)
            {
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
                Assert.DoesNotContain("?", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Activity_is_a_child_of_the_callers_current_activity()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = ApiClient.Create(TestClients.Options(server));
        using var recorder = new ActivityRecorder();
        var caller = Activity.Current!;

        await client.SendAsync(ApiRequest.Get("ping"));

        var activity = Assert.Single(recorder.Stopped);
        Assert.Equal(caller.SpanId, activity.ParentSpanId);
        Assert.Same(caller, Activity.Current);
    }
}
