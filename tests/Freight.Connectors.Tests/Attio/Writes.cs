using Freight.Connectors.Attio;

namespace Freight.Connectors.Tests.Attio;

internal static class Writes
{
    public static async Task<WriteResult.Written> WrittenAsync(this AttioTarget target, EntityKind kind, SourceRecord record)
    {
        var result = await target.WriteAsync(kind, record, CancellationToken.None);
        return Assert.IsType<WriteResult.Written>(result);
    }

    public static async Task<WriteResult.Rejected> RejectedAsync(this AttioTarget target, EntityKind kind, SourceRecord record)
    {
        var result = await target.WriteAsync(kind, record, CancellationToken.None);
        return Assert.IsType<WriteResult.Rejected>(result);
    }
}
