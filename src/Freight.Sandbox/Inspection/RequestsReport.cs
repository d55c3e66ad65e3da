using System.Globalization;
using Freight.Sandbox.Faults;

namespace Freight.Sandbox.Inspection;

/// <summary>The JSON of <c>GET /_sandbox/requests</c>: totals, then one entry per route.</summary>
internal sealed record RequestsReport(
    long Total,
    SortedDictionary<string, long> ByStatus,
    FaultTotals Faults,
    IReadOnlyList<RouteReport> Routes)
{
    public static RequestsReport Of(
        SortedDictionary<string, SortedDictionary<int, long>> requests, SortedDictionary<string, long[]> faults)
    {
        var routes = requests.Keys.Union(faults.Keys).Order(StringComparer.Ordinal).Select(route =>
        {
            var statuses = requests.GetValueOrDefault(route) ?? [];
            return new RouteReport(route, statuses.Values.Sum(), ByStatusText(statuses), ByKind(faults.GetValueOrDefault(route)));
        }).ToList();

        var allStatuses = new SortedDictionary<int, long>();
        foreach (var (status, count) in requests.Values.SelectMany(statuses => statuses))
        {
            allStatuses[status] = allStatuses.GetValueOrDefault(status) + count;
        }

        var faultKinds = new long[FaultKinds.All.Length];
        foreach (var counts in faults.Values)
        {
            for (var kind = 0; kind < counts.Length; kind++)
            {
                faultKinds[kind] += counts[kind];
            }
        }

        return new RequestsReport(
            allStatuses.Values.Sum(), ByStatusText(allStatuses), new FaultTotals(faultKinds.Sum(), ByKind(faultKinds)), routes);
    }

    private static SortedDictionary<string, long> ByStatusText(SortedDictionary<int, long> statuses) =>
        new(statuses.ToDictionary(pair => pair.Key.ToString(CultureInfo.InvariantCulture), pair => pair.Value), StringComparer.Ordinal);

    // Every kind is listed, zeros included, so the shape does not change with the traffic.
    private static Dictionary<string, long> ByKind(long[]? counts) =>
        FaultKinds.All.ToDictionary(kind => FaultKinds.Names[(int)kind], kind => counts?[(int)kind] ?? 0);
}

internal sealed record FaultTotals(long Total, Dictionary<string, long> ByKind);

internal sealed record RouteReport(string Route, long Total, SortedDictionary<string, long> ByStatus, Dictionary<string, long> Faults);
