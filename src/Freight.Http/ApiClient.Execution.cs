using System.Diagnostics;
using System.Net;
using System.Runtime.ExceptionServices;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Freight.Http;

public sealed partial class ApiClient
{
    /// <summary>Runs a call through the limiter and the pipeline. Returns a success response (which the caller disposes) or an error.</summary>
    internal async Task<(HttpResponseMessage? Response, ApiError? Error)> ExecuteAsync(ApiRequest request, bool bufferBody, CancellationToken cancellationToken)
    {
        var uri = ResolveUri(request);
        var authority = uri.Authority;
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        using var activity = HttpMetrics.ActivitySource.HasListeners()
            ? HttpMetrics.ActivitySource.StartActivity($"HTTP {request.Method.Method}", ActivityKind.Client)
            : null;
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("server.address", uri.Host);
        activity?.SetTag("url.path", uri.AbsolutePath);

        var gate = _options.RateLimitRegistry.GetOrCreate(_options.RateLimit.Key ?? authority, _options.RateLimit, time);
        var waitStarted = time.GetTimestamp();
        var acquiring = gate.AcquireAsync(cancellationToken);
        var waited = !acquiring.IsCompletedSuccessfully;
        using var lease = await acquiring.ConfigureAwait(false);
        if (waited)
        {
            // Only calls that actually waited (a pause, an empty bucket) are measured.
            HttpMetrics.RecordRateLimitWait(Name, gate.Key, time.GetElapsedTime(waitStarted));
        }

        var call = new CallState(request, uri, bufferBody, Deadline(time), cancellationToken) { Gate = gate };
        (HttpResponseMessage? Response, ApiError? Error) result;
        if (lease is { IsAcquired: false })
        {
            result = (null, LimiterRejected(gate.Key, lease));
        }
        else
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            try
            {
                context.Properties.Set(CallState.Key, call);
                var pipeline = _pipelines.Get(_options.CircuitBreaker.KeySelector?.Invoke(uri) ?? authority);
                var outcome = await pipeline.ExecuteOutcomeAsync(
                    static (ctx, state) => state.Self.AttemptAsync(ctx, state.Call),
                    context,
                    (Self: this, Call: call)).ConfigureAwait(false);
                result = await ToResultAsync(outcome, call).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        var status = result.Response?.StatusCode ?? result.Error?.StatusCode;
        HttpMetrics.RecordRequest(Name, request.Method, result.Error?.Kind.ToString() ?? "Success", (int?)status, time.GetElapsedTime(started));
        if (status is { } code)
        {
            activity?.SetTag("http.response.status_code", (int)code);
        }

        if (result.Error is { } error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Kind.ToString());
            activity?.SetTag("error.type", error.Kind.ToString());
            Log.CallFailed(_logger, request.Method, uri.AbsolutePath, call.Attempts, error.Kind, error.Message);
        }

        return result;
    }

    private long Deadline(TimeProvider time) => _options.TotalTimeout == Timeout.InfiniteTimeSpan
        ? long.MaxValue
        : time.GetTimestamp() + (long)(_options.TotalTimeout.TotalSeconds * time.TimestampFrequency);

    /// <summary>One attempt: a fresh request message, hooks, auth, the transport, and one resend after a 401 that refreshed credentials.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context, CallState call)
    {
        call.Attempts++;
        var cancellationToken = context.CancellationToken;
        if (call.Attempts > 1)
        {
            await WaitForRetryMomentAsync(call, cancellationToken).ConfigureAwait(false);
        }

        // The first attempt holds the call's token; a retry takes one of its own when the budget counts every request.
        using var retryLease = call.Attempts > 1 && _options.RateLimit.ChargeRetries && call.Gate is { } gate
            ? await gate.AcquireAsync(cancellationToken).ConfigureAwait(false)
            : null;
        if (retryLease is { IsAcquired: false })
        {
            return Outcome.FromException<HttpResponseMessage>(LimiterRejected(call.Gate!.Key, retryLease).ToException());
        }

        var resentAfterRefresh = false;
        while (true)
        {
            using var message = CreateMessage(call);
            HttpResponseMessage? response = null;
            try
            {
                var ran = 0;
                while (ran < _hooks.Length && response is null)
                {
                    response = await _hooks[ran++].BeforeAsync(message, cancellationToken).ConfigureAwait(false);
                }

                if (response is null)
                {
                    if (_options.Auth is { } auth)
                    {
                        await auth.ApplyAsync(message, cancellationToken).ConfigureAwait(false);
                    }

                    response = _transport is HttpClient client
                        ? await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)
                        : await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
                }

                // A wait the server names counts from here (the headers' arrival), not from when the body was read.
                call.LastResponseAt = (_options.TimeProvider.GetTimestamp(), _options.TimeProvider.GetUtcNow());

                // Buffered inside the attempt, so a truncated body is a network error that the retry sees.
                if (call.BufferBody)
                {
                    await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                }

                for (var i = ran - 1; i >= 0; i--)
                {
                    await _hooks[i].AfterAsync(message, response, cancellationToken).ConfigureAwait(false);
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized && !resentAfterRefresh && _options.Auth is { } refreshable
                    && await refreshable.RefreshAfterUnauthorizedAsync(message, cancellationToken).ConfigureAwait(false))
                {
                    Log.CredentialsRefreshed(_logger, call.Request.Method, call.Uri.AbsolutePath);
                    response.Dispose();
                    resentAfterRefresh = true;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    PauseKey(call, response);
                }

                return Outcome.FromResult(response);
            }
            catch (Exception ex)
            {
                response?.Dispose();
                return Outcome.FromException<HttpResponseMessage>(ex);
            }
        }
    }

    /// <summary>
    /// Timers may fire a few milliseconds early, so a retry reads the clock again before it goes out and waits out what
    /// is left of the moment the server named, then any 429 pause of its key: it is never sent before either.
    /// </summary>
    private async ValueTask WaitForRetryMomentAsync(CallState call, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        while (call.RetryNotBefore is { } due && time.GetElapsedTime(time.GetTimestamp(), due) is var left && left > TimeSpan.Zero)
        {
            await Task.Delay(left, time, cancellationToken).ConfigureAwait(false);
        }

        if (call.Gate is { } gate)
        {
            await gate.WaitOutPauseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage CreateMessage(CallState call)
    {
        var message = new HttpRequestMessage(call.Request.Method, call.Uri)
        {
            Version = _options.Transport.RequestVersion,
            VersionPolicy = _options.Transport.VersionPolicy,
        };
        foreach (var (name, value) in _defaultHeaders)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        foreach (var (name, value) in call.Request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (call.Request.IdempotencyKey is { } key)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        try
        {
            message.Content = call.Request.Body?.CreateContent(Json);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The caller's body (a factory, a serializer) failed: a bug to surface, not a network error to retry.
            message.Dispose();
            throw new InvalidOperationException($"The body of {call.Request.Method} {call.Request.Path} could not be created: {ex.Message}", ex);
        }

        return message;
    }

    private void PauseKey(CallState call, HttpResponseMessage response)
    {
        if (!_options.RateLimit.PauseOnTooManyRequests || call.Gate is null)
        {
            return;
        }

        // Like a retry's wait, the pause counts from the response's arrival.
        var now = call.LastResponseAt.UtcNow;
        var wait = RetryDelays.FromResponse(response.Headers, _options.Retry.ResetHeaders, now) ?? _options.RateLimit.DefaultPause;
        call.Gate.PauseUntil(now + wait);
        Log.KeyPaused(_logger, call.Gate.Key, now + wait);
    }

    private async ValueTask<(HttpResponseMessage?, ApiError?)> ToResultAsync(Outcome<HttpResponseMessage> outcome, CallState call)
    {
        if (outcome.Exception is { } exception)
        {
            if (exception is OperationCanceledException && call.UserToken.IsCancellationRequested)
            {
                call.UserToken.ThrowIfCancellationRequested();
            }

            var error = ErrorFromException(exception, call);
            return (null, call.OutOfTime ? OutOfTime(call, error.Message) : error);
        }

        var response = outcome.Result!;
        if (call.OutOfTime)
        {
            using (response)
            {
                return (null, OutOfTime(call, $"the last attempt answered {(int)response.StatusCode} {response.ReasonPhrase}"));
            }
        }

        if (IsSuccess(response.StatusCode))
        {
            return (response, null);
        }

        using (response)
        {
            var body = call.BufferBody
                ? await response.Content.ReadAsStringAsync(call.UserToken).ConfigureAwait(false)
                : await ReadStreamedErrorBodyAsync(response, call.UserToken).ConfigureAwait(false);
            var what = $"{call.Request.Method} {call.Uri.AbsolutePath} answered {(int)response.StatusCode} {response.ReasonPhrase}";
            var tooMany = response.StatusCode == HttpStatusCode.TooManyRequests;
            return (null, new ApiError(tooMany ? ApiErrorKind.RateLimited : ApiErrorKind.Http, what)
            {
                StatusCode = response.StatusCode,
                Body = body,
                Headers = response.Headers,
                RetryAfter = RetryDelays.FromResponse(response, _options.Retry.ResetHeaders, _options.TimeProvider.GetUtcNow()),
                Attempts = call.Attempts,
            });
        }
    }

    /// <summary>Reads the error body of a streamed call, bounded by the attempt timeout: unlike a buffered one it is not read yet and may stall.</summary>
    private async Task<string> ReadStreamedErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException)
        {
            return string.Empty;
        }
    }

    private string TotalTimeoutMessage(string what) =>
        $"{what} did not finish within the total timeout of {_options.TotalTimeout.TotalSeconds:0.###} s.";

    /// <summary>The call gave up because the next retry's delay would have passed the total timeout.</summary>
    private ApiError OutOfTime(CallState call, string lastFailure) =>
        new(ApiErrorKind.Timeout, $"{TotalTimeoutMessage($"{call.Request.Method} {call.Uri.AbsolutePath}")} No time was left for another attempt; {lastFailure}")
        {
            Attempts = call.Attempts,
        };

    private ApiError ErrorFromException(Exception exception, CallState call)
    {
        var what = $"{call.Request.Method} {call.Uri.AbsolutePath}";
        if (Outcomes.NotAllowed(exception) is { } notAllowed)
        {
            return new ApiError(ApiErrorKind.NotAllowed, $"{what} was not sent: {notAllowed.Message}")
            {
                Exception = exception,
                Attempts = call.Attempts,
            };
        }

        return exception switch
        {
            ApiException api => api.Error,
            IsolatedCircuitException => new ApiError(ApiErrorKind.CircuitOpen, $"{what} was not sent: the circuit breaker for {call.Uri.Authority} is isolated.")
            {
                Exception = exception,
                Attempts = call.Attempts,
            },
            BrokenCircuitException broken => new ApiError(ApiErrorKind.CircuitOpen, $"{what} was not sent: the circuit breaker for {call.Uri.Authority} is open.")
            {
                RetryAfter = broken.RetryAfter,
                Exception = exception,
                Attempts = call.Attempts,
            },
            TimeoutRejectedException timeout => new ApiError(
                ApiErrorKind.Timeout,
                timeout.Timeout < _options.AttemptTimeout || call.Remaining(_options.TimeProvider) <= TimeSpan.Zero
                    ? TotalTimeoutMessage(what)
                    : $"{what} timed out: no attempt finished within {timeout.Timeout.TotalSeconds:0.###} s.")
            {
                Exception = exception,
                Attempts = call.Attempts,
            },
            HttpRequestException or IOException => new ApiError(ApiErrorKind.Network, $"{what} failed: {exception.Message}")
            {
                Exception = exception,
                Attempts = call.Attempts,
            },
            OperationCanceledException => new ApiError(ApiErrorKind.Timeout, $"{what} was cancelled by the transport: {exception.Message}")
            {
                Exception = exception,
                Attempts = call.Attempts,
            },
            // Anything else came from the caller's own code (a hook, a body factory, auth): surface it unchanged.
            _ => Rethrow(exception),
        };
    }

    private static ApiError Rethrow(Exception exception)
    {
        ExceptionDispatchInfo.Capture(exception).Throw();
        return null!;
    }

    private static ApiError LimiterRejected(string key, RateLimitLease lease) =>
        new(ApiErrorKind.RateLimited, $"The local rate limiter for '{key}' refused the call: its queue is full.")
        {
            RetryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null,
        };
}
