using Freight.Sandbox.Hosting;

return await SandboxCommand.CreateRoot().Parse(args).InvokeWithExitCodesAsync();
