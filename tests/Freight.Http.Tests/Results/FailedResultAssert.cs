namespace Freight.Http.Tests.Results;

/// <summary>Checks that a failed result reports the same error through every accessor and its exception twin.</summary>
internal static class FailedResultAssert
{
    public static TException Fails<T, TException>(ApiResult<T> result, ApiErrorKind kind)
        where TException : ApiException
    {
        Assert.False(result.IsSuccess);
        Assert.NotNull(result.Error);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Equal(result.Error.StatusCode, result.StatusCode);
        Assert.False(result.TryGetValue(out _));

        ApiException[] thrown =
        [
            Assert.Throws<TException>(() => result.Value),
            Assert.Throws<TException>(() => result.Unwrap()),
            Assert.Throws<TException>(() => result.GetValueOrThrow()),
            Assert.Throws<TException>(result.EnsureSuccess),
            Assert.IsType<TException>(result.Error.ToException()),
        ];
        foreach (var exception in thrown)
        {
            Assert.Same(result.Error, exception.Error);
            Assert.Equal(result.Error.Message, exception.Message);
            Assert.Same(result.Error.Exception, exception.InnerException);
        }

        return (TException)thrown[0];
    }
}
