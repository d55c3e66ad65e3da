using Freight.Sandbox.Faults;
using Freight.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Sandbox.Tests.Hosting;

internal static class SandboxHostExtensions
{
    public static FaultInjector Faults(this SandboxHost host) => host.Services.GetRequiredService<FaultInjector>();
}
