using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Results;

public sealed class HttpErrorResultTests
{
    [Fact]
    public async Task Not_found_fails_with_ApiHttpException_carrying_status_and_body()
    {
        await using var server = await ScriptedServer.StartAsync();
        const string Body = """{"error":"not_found","message":"No company 7"}""";
        server.Enqueue(ScriptedResponse.Json(Body, status: 404).WithHeader("X-Request-ID", "req_42"));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Company>("companies/7");

        var exception = FailedResultAssert.Fails<Company, ApiHttpException>(result, ApiErrorKind.Http);
        Assert.Equal(HttpStatusCode.NotFound, result.Error!.StatusCode);
        Assert.Equal(Body, result.Error.Body);
        Assert.Equal(1, result.Error.Attempts);
        Assert.Equal(["req_42"], result.Error.Headers!.GetValues("X-Request-ID"));
        Assert.Contains("404", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal(Body, exception.Body);
    }

    [Fact]
    public async Task Error_envelope_is_readable_as_typed_content()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"error":"not_found","message":"No company 7","request_id":"req_1"}""", status: 404));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Company>("companies/7");

        var exception = FailedResultAssert.Fails<Company, ApiHttpException>(result, ApiErrorKind.Http);
        Assert.True(exception.TryGetContentAs<ErrorEnvelope>(out var envelope));
        Assert.Equal(new ErrorEnvelope("not_found", "No company 7"), envelope);
        Assert.True(result.Error!.TryGetContentAs<ErrorEnvelope>(out var fromError));
        Assert.Equal(envelope, fromError);
    }

    [Fact]
    public async Task Error_body_that_is_not_json_is_kept_but_not_readable_as_content()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(502).WithText("<html>Bad gateway</html>", "text/html"));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Company>("companies/7");

        var exception = FailedResultAssert.Fails<Company, ApiHttpException>(result, ApiErrorKind.Http);
        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("<html>Bad gateway</html>", exception.Body);
        Assert.False(exception.TryGetContentAs<ErrorEnvelope>(out var envelope));
        Assert.Null(envelope);
    }

    [Fact]
    public async Task Error_without_a_body_has_nothing_to_read()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(403));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Company>("companies/7");

        var exception = FailedResultAssert.Fails<Company, ApiHttpException>(result, ApiErrorKind.Http);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal(string.Empty, exception.Body);
        Assert.False(exception.TryGetContentAs<ErrorEnvelope>(out _));
    }

    [Fact]
    public async Task Untyped_call_throws_the_same_ApiHttpException_from_EnsureSuccess()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"error":"conflict","message":"Still referenced"}""", status: 409));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.DeleteAsync("companies/7");

        Assert.False(result.IsSuccess);
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        var exception = Assert.Throws<ApiHttpException>(result.EnsureSuccess);
        Assert.Same(result.Error, exception.Error);
        Assert.True(exception.TryGetContentAs<ErrorEnvelope>(out var envelope));
        Assert.Equal("conflict", envelope!.Error);
    }

    private sealed record Company(int Id, string Name);

    private sealed record ErrorEnvelope(string Error, string Message);
}
