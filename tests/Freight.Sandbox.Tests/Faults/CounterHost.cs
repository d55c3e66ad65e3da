using Freight.Sandbox.Faults;
using Freight.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Sandbox.Tests.Faults;

/// <summary>
/// A minimal simulator on <see cref="SandboxHost"/> whose endpoints have visible side effects: <c>POST /writes</c>
/// counts the writes it processed, <c>GET /items/{id}</c> returns a fixed body.
/// </summary>
internal sealed class CounterHost : IAsyncDisposable
{
    private readonly WriteCounter _writes;

    private CounterHost(SandboxHost host, WriteCounter writes)
    {
        Host = host;
        _writes = writes;
        // A fresh connection per request, so no request's fate depends on a connection an earlier fault cut.
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        Client.DefaultRequestHeaders.ConnectionClose = true;
    }

    public SandboxHost Host { get; }

    public HttpClient Client { get; }

    public int Writes => _writes.Count;

    public static string ItemBody(int id) => $"{{\"id\":{id},\"name\":\"item {id} with a body long enough to cut in chunks\"}}";

    public static async Task<CounterHost> StartAsync(
        FaultOptions faults, IFaultResponder? responder = null, TimeProvider? time = null)
    {
        var writes = new WriteCounter();
        var host = await SandboxHost.StartAsync(
            new SandboxHostOptions
            {
                Faults = faults,
                FaultResponder = responder ?? FaultResponders.Affinity,
                TimeProvider = time ?? TimeProvider.System,
            },
            services => services.AddSingleton(writes),
            routes =>
            {
                routes.MapPost("/writes", (WriteCounter counter) => TypedResults.Ok(new { writes = counter.Increment() }));
                routes.MapGet("/items/{id:int}", (int id) => TypedResults.Text(ItemBody(id), "application/json"));
            });
        return new CounterHost(host, writes);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }

    internal sealed class WriteCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int Increment() => Interlocked.Increment(ref _count);
    }
}
