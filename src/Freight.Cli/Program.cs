using System.CommandLine;
using Freight.Cli.Demo;

var root = new RootCommand("Freight moves CRM data between SaaS APIs, safely.")
{
    DemoCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
