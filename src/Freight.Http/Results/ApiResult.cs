using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Freight.Http;

/// <summary>The outcome of a call that returns no value: success, or an <see cref="ApiError"/>.</summary>
public class ApiResult
{
    internal ApiResult(HttpStatusCode? statusCode, ApiError? error)
    {
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>Whether the call succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>Why the call failed, or <see langword="null"/> when it succeeded.</summary>
    public ApiError? Error { get; }

    /// <summary>The HTTP status of the final response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Throws the exception matching <see cref="Error"/> when the call failed.</summary>
    /// <exception cref="ApiException">The call failed.</exception>
    public void EnsureSuccess()
    {
        if (Error is not null)
        {
            throw Error.ToException();
        }
    }

    /// <summary>A successful result without a value.</summary>
    public static ApiResult Success(HttpStatusCode statusCode) => new(statusCode, null);

    /// <summary>A failed result.</summary>
    public static ApiResult Failure(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ApiResult(error.StatusCode, error);
    }

    /// <summary>A successful result with a value.</summary>
    public static ApiResult<T> Success<T>(T value, HttpStatusCode statusCode = HttpStatusCode.OK) => new(value, statusCode, null);

    /// <summary>A failed result of type <typeparamref name="T"/>.</summary>
    public static ApiResult<T> Failure<T>(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ApiResult<T>(default, error.StatusCode, error);
    }
}

/// <summary>The outcome of a call: a <see cref="Value"/> or an <see cref="ApiResult.Error"/>, never both.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class ApiResult<T> : ApiResult
{
    private readonly T? _value;

    internal ApiResult(T? value, HttpStatusCode? statusCode, ApiError? error)
        : base(statusCode, error) => _value = value;

    /// <summary>The value of a successful call.</summary>
    /// <exception cref="ApiException">The call failed; the exception matches <see cref="ApiResult.Error"/>.</exception>
    public T Value => IsSuccess ? _value! : throw Error.ToException();

    /// <summary>Returns the value, or throws the exception that matches the error.</summary>
    /// <exception cref="ApiException">The call failed.</exception>
    public T Unwrap() => Value;

    /// <summary>Returns the value, or throws the exception that matches the error (same as <see cref="Unwrap"/>).</summary>
    /// <exception cref="ApiException">The call failed.</exception>
    public T GetValueOrThrow() => Value;

    /// <summary>Gets the value without throwing.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value!;
        return IsSuccess;
    }
}
