using System.Text.Json;
using Freight.Http;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;
using Freight.TestUtils;

namespace Freight.Sandbox.Tests.Affinity;

/// <summary>
/// A client reads every record of a dataset through the simulator, as Freight's source connector will:
/// Freight.Http's paging over <c>nextUrl</c>, with transient faults injected and the clock virtual.
/// </summary>
public sealed class WholeDatasetTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public async Task Paging_every_kind_returns_each_record_exactly_once(double faults)
    {
        var time = new ManualTimeProvider();
        var data = SandboxDataset.Generate(seed: 11, companies: 120);
        await using var affinity = await AffinitySimulator.StartAsync(data, new AffinitySimulatorOptions
        {
            Speed = 100,
            TimeProvider = time,
            Faults = FaultOptions.Transient(faults, seed: 3),
        });
        using var client = ApiClient.Create(new ApiClientOptions
        {
            BaseAddress = affinity.BaseAddress,
            Auth = ApiAuth.Bearer(affinity.ApiKey),
            TimeProvider = time,
            AttemptTimeout = Timeout.InfiniteTimeSpan,
            TotalTimeout = Timeout.InfiniteTimeSpan,
            Retry = { MaxAttempts = 8, Randomizer = () => 0.5 },
            CircuitBreaker = { Enabled = false },
            RateLimitRegistry = new RateLimitRegistry(),
        });
        var expected = new Dictionary<string, long>
        {
            ["v2/companies"] = data.Counts.Companies,
            ["v2/persons"] = data.Counts.Persons,
            ["v2/opportunities"] = data.Counts.Opportunities,
            ["v2/notes"] = data.Counts.Notes,
        };
        foreach (var list in data.Lists)
        {
            expected[$"v2/lists/{list.Id}/list-entries"] = data.EntriesOf(list.Id)!.Count;
        }

        var read = await time.RunAsync(ReadAllAsync(client, expected.Keys), TimeSpan.FromSeconds(60));

        foreach (var (route, count) in expected)
        {
            var ids = read[route];
            Assert.Equal(count, ids.Count);
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        if (faults > 0)
        {
            using var http = new HttpClient { BaseAddress = affinity.BaseAddress };
            using var log = JsonDocument.Parse(await http.GetStringAsync("_sandbox/requests"));
            Assert.True(log.RootElement.GetProperty("faults").GetProperty("total").GetInt64() > 0);
        }
    }

    private static async Task<Dictionary<string, List<long>>> ReadAllAsync(ApiClient client, IEnumerable<string> routes)
    {
        var read = new Dictionary<string, List<long>>();
        foreach (var route in routes)
        {
            var ids = new List<long>();
            var first = ApiRequest.Get(route).WithQuery("limit", "100");
            await foreach (var item in client.PaginateAsync<JsonElement>(first, Pagination.NextUrl()))
            {
                ids.Add(item.GetProperty("id").GetInt64());
            }

            read[route] = ids;
        }

        return read;
    }
}
