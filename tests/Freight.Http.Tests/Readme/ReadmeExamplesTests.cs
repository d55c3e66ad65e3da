using System.Net;
using System.Text;
using Freight.TestUtils;

namespace Freight.Http.Tests.Readme;

/// <summary>The examples of src/Freight.Http/README.md, run against a real loopback server.</summary>
public sealed class ReadmeExamplesTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Basic_call_returns_a_value_or_an_error_and_Unwrap_throws_the_matching_exception()
    {
        _server.Enqueue("/companies/42", ScriptedResponse.Json("""{"id":42,"name":"Acme"}"""), ScriptedResponse.Status(404));
        using var client = ApiClient.Create(Options());

        var result = await client.GetAsync<Company>("companies/42");
        Assert.True(result.IsSuccess);
        Assert.Equal("Acme", result.Value.Name);

        var missing = await client.GetAsync<Company>("companies/42");
        Assert.False(missing.IsSuccess);
        Assert.Equal(ApiErrorKind.Http, missing.Error.Kind);
        Assert.Equal("GET /companies/42 answered 404 Not Found", missing.Error.Message);
        var thrown = Assert.Throws<ApiHttpException>(() => missing.Unwrap());
        Assert.Equal(HttpStatusCode.NotFound, thrown.StatusCode);
    }

    [Fact]
    public async Task Response_key_and_validation_report_each_bad_item_and_the_custom_check()
    {
        _server.Enqueue(
            "/people",
            ScriptedResponse.Json("""{"data":{"items":[{"name":"Ada","email":"ada@example.com"},{"name":"Bob","email":"not-an-email"}]}}"""),
            ScriptedResponse.Json("""{"data":{"items":[]}}"""));
        using var client = ApiClient.Create(Options());
        ApiRequest People() => ApiRequest.Get("people")
            .WithQuery("limit", 50)
            .WithResponseKey("data.items")
            .WithValidator<List<Person>>(people => people.Count > 0 ? [] : ["no people returned"]);

        var invalid = await client.SendAsync<List<Person>>(People());
        var empty = await client.SendAsync<List<Person>>(People());

        Assert.Equal(ApiErrorKind.Validation, invalid.Error!.Kind);
        Assert.Contains(invalid.Error.ValidationErrors, e => e.StartsWith("[1].Email:", StringComparison.Ordinal));
        Assert.Equal(["no people returned"], empty.Error!.ValidationErrors);
        Assert.Equal("?limit=50", _server.Requests[0].QueryString);
    }

    [Fact]
    public async Task Post_with_an_idempotency_key_is_retried_and_carries_the_key_every_time()
    {
        var time = new ManualTimeProvider();
        _server.Enqueue("/companies", ScriptedResponse.Status(503), ScriptedResponse.Json("""{"id":7,"name":"Acme"}""", 201));
        var options = Options(time);
        options.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.TotalTimeout = TimeSpan.FromSeconds(60);
        options.Retry.MaxAttempts = 5;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(20);
        using var client = ApiClient.Create(options);

        var call = client.SendAsync<Company>(ApiRequest.Post("companies", new { name = "Acme" }).WithIdempotencyKey("import-42"));
        await time.WaitForPendingTimerAsync(due => due <= TimeSpan.FromMilliseconds(600));
        time.Advance(TimeSpan.FromMilliseconds(600));
        var result = await call;

        Assert.Equal(7, result.Value.Id);
        Assert.Equal(2, _server.RequestCount);
        Assert.All(_server.Requests, r => Assert.Equal("import-42", r.Headers["Idempotency-Key"]));
        Assert.All(_server.Requests, r => Assert.Equal("""{"name":"Acme"}""", r.Body));
    }

    [Fact]
    public async Task Hooks_and_api_key_auth_reach_the_server()
    {
        var options = Options();
        options.Hooks.Add(new CorrelationHook());
        options.Hooks.Add(new HeadersHook([new("User-Agent", "freight/1.0")]));
        options.Auth = ApiAuth.ApiKey("X-API-Key", "secret-key");
        using var client = ApiClient.Create(options);

        (await client.SendAsync(ApiRequest.Get("ping"))).EnsureSuccess();

        var seen = Assert.Single(_server.Requests);
        Assert.Equal(32, seen.Headers["X-Correlation-ID"].Length);
        Assert.Equal("freight/1.0", seen.Headers["User-Agent"]);
        Assert.Equal("secret-key", seen.Headers["X-API-Key"]);
    }

    [Fact]
    public async Task Basic_auth_sends_an_empty_user_and_the_key_as_password()
    {
        var options = Options();
        options.Auth = ApiAuth.Basic(string.Empty, "key");
        using var client = ApiClient.Create(options);

        (await client.SendAsync(ApiRequest.Get("whoami"))).EnsureSuccess();

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":key")), _server.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task The_three_pagination_styles_read_every_item()
    {
        _server.Enqueue(
            "/organizations",
            ScriptedResponse.Json("""{"data":[{"id":1,"name":"a"}],"next_page_token":"p2"}"""),
            ScriptedResponse.Json("""{"data":[{"id":2,"name":"b"}],"next_page_token":null}"""));
        _server.Enqueue(
            "/v2/companies",
            ScriptedResponse.Json($$$"""{"data":[{"id":3,"name":"c"}],"pagination":{"nextUrl":"{{{_server.BaseAddress}}}v2/companies?cursor=x"}}"""),
            ScriptedResponse.Json("""{"data":[{"id":4,"name":"d"}],"pagination":{"nextUrl":null}}"""));
        _server.Enqueue(
            "/v2/objects/companies/records",
            ScriptedResponse.Json("""{"data":[{"id":5,"name":"e"},{"id":6,"name":"f"}]}"""),
            ScriptedResponse.Json("""{"data":[{"id":7,"name":"g"}]}"""));
        using var client = ApiClient.Create(Options());

        var ids = new List<int>();
        await foreach (var item in client.PaginateAsync<Company>(ApiRequest.Get("organizations"), Freight.Http.Pagination.PageToken()))
        {
            ids.Add(item.Id);
        }

        await foreach (var item in client.PaginateAsync<Company>(ApiRequest.Get("v2/companies"), Freight.Http.Pagination.NextUrl()))
        {
            ids.Add(item.Id);
        }

        await foreach (var item in client.PaginateAsync<Company>(ApiRequest.Get("v2/objects/companies/records"), Freight.Http.Pagination.OffsetLimit(2)))
        {
            ids.Add(item.Id);
        }

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], ids);
        Assert.Equal("?page_token=p2", _server.Requests[1].QueryString);
        Assert.Equal("?cursor=x", _server.Requests[3].QueryString);
        Assert.Equal("?offset=2&limit=2", _server.Requests[5].QueryString);
    }

    [Fact]
    public async Task Streaming_and_download_read_the_whole_body()
    {
        _server.Enqueue("/export", ScriptedResponse.JsonArrayStream(1000, i => $$"""{"n":{{i}}}"""), ScriptedResponse.NdjsonStream(3, i => $$"""{"n":{{i}}}"""));
        _server.Enqueue("/export.bin", ScriptedResponse.Status(200).WithBody(new byte[100_000]));
        using var client = ApiClient.Create(Options());

        long sum = 0;
        await foreach (var row in client.StreamJsonArrayAsync<Row>(ApiRequest.Get("export")))
        {
            sum += row!.N;
        }

        var lines = 0;
        await foreach (var row in client.StreamNdjsonAsync<Row>(ApiRequest.Get("export")))
        {
            lines++;
        }

        using var file = new MemoryStream();
        var bytes = await client.DownloadAsync(ApiRequest.Get("export.bin"), file);

        Assert.Equal(999 * 1000 / 2, sum);
        Assert.Equal(3, lines);
        Assert.Equal(100_000, bytes.Value);
        Assert.Equal(100_000, file.Length);
    }

    // The README's own setup, so its examples run on the library's defaults; only the registry is private to the test.
    private ApiClientOptions Options(TimeProvider? time = null) => new()
    {
        BaseAddress = _server.BaseAddress,
        TimeProvider = time ?? TimeProvider.System,
        RateLimitRegistry = new RateLimitRegistry(),
    };
}
