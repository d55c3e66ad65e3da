namespace Freight.Http.Tests.Pagination;

internal sealed record Item(int Id);
