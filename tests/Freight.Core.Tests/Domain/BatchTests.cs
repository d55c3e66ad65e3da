using Freight.Core.Domain;

namespace Freight.Core.Tests.Domain;

public sealed class BatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Success_drops_the_payload()
    {
        var batch = Batch.Create(Guid.NewGuid(), Phase.Companies, 1, 2, [1, 2], Now);
        batch.Start(Now);

        batch.Succeed(Now.AddSeconds(1));

        Assert.Equal((BatchStatus.Succeeded, null, 1, Now.AddSeconds(1)), (batch.Status, batch.Payload, batch.Attempts, batch.CompletedAt!.Value));
    }

    [Fact]
    public void Failure_keeps_the_payload_and_the_error()
    {
        var batch = Batch.Create(Guid.NewGuid(), Phase.Companies, 1, 2, [1, 2], Now);
        batch.Start(Now);

        batch.Fail("422 from Attio", Now);

        Assert.Equal((BatchStatus.Failed, "422 from Attio"), (batch.Status, batch.Error));
        Assert.Equal([1, 2], batch.Payload);
    }

    [Fact]
    public void Transitions_out_of_order_are_refused()
    {
        var batch = Batch.Create(Guid.NewGuid(), Phase.ListEntries, 4, 2, [1, 2], Now);

        var error = Assert.Throws<StateTransitionException>(() => batch.Succeed(Now));
        batch.Start(Now);
        batch.Requeue("timeout");
        batch.Start(Now);

        Assert.Equal("Batch list_entries#4 is pending; only a running batch can become succeeded.", error.Message);
        Assert.Equal((BatchStatus.Running, 2, "timeout"), (batch.Status, batch.Attempts, batch.Error));
        Assert.Throws<StateTransitionException>(() => batch.Start(Now));
    }
}
