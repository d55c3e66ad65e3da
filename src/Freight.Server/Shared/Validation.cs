using Freight.Server.Errors;

namespace Freight.Server.Shared;

/// <summary>Collects one <see cref="ErrorDetail"/> per bad field; the endpoint answers 422 when there is any.</summary>
public sealed class Validation
{
    private readonly List<ErrorDetail> _details = [];

    public bool IsValid => _details.Count == 0;

    public IReadOnlyList<ErrorDetail> Details => _details;

    public IResult Problem() => Problems.Validation(_details);

    public void Add(string field, string type, string message) => _details.Add(new ErrorDetail(type, message, field));

    /// <summary>A required string, trimmed, at most <paramref name="maxLength"/> characters; null (with a detail) when it is not.</summary>
    public string? RequiredText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "missing", $"{field} is required.");
            return null;
        }

        var text = value.Trim();
        if (text.Length > maxLength)
        {
            Add(field, "too_long", $"{field} must be at most {maxLength} characters.");
            return null;
        }

        return text;
    }

    /// <summary>A whole number from the query in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public int Query(string field, string? raw, int fallback, int min, int max)
    {
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            Add(field, "out_of_range", max == int.MaxValue ? $"{field} must be a whole number of at least {min}." : $"{field} must be a whole number from {min} to {max}.");
            return fallback;
        }

        return value;
    }
}

/// <summary><c>limit</c> (1–1000, default 100) and <c>offset</c> (≥ 0) of every list.</summary>
public readonly record struct Paging(int Limit, int Offset)
{
    public const int DefaultLimit = 100;

    public static Paging Read(HttpRequest request, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validation);
        return new Paging(
            validation.Query("limit", request.Query["limit"].FirstOrDefault(), DefaultLimit, 1, Core.Page<object>.MaxLimit),
            validation.Query("offset", request.Query["offset"].FirstOrDefault(), 0, 0, int.MaxValue));
    }
}

/// <summary>A page of a list as the API sends it.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset, bool HasMore);

public static class PageResponse
{
    public static PageResponse<T> From<TSource, T>(Core.Page<TSource> page, Func<TSource, T> map)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(map);
        return new([.. page.Items.Select(map)], page.Total, page.Limit, page.Offset, page.HasMore);
    }
}
