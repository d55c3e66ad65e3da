namespace Freight.Http.Tests.Observability;

/// <summary>One measurement of a Freight.Http instrument, with its tags.</summary>
internal sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? this[string tag] => Tags.GetValueOrDefault(tag);
}
