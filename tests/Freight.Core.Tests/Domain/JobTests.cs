using Freight.Core.Domain;
using Freight.Core.Secrets;
using Freight.Core.Tests.Databases;

namespace Freight.Core.Tests.Domain;

public sealed class JobTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_job_is_pending_with_encrypted_configs_and_the_schema_phase_first()
    {
        var job = Job.Create(Seed.NewJob(Guid.NewGuid()) with { Entities = [Phase.Deals, Phase.People] }, new ReversingProtector(), Now);

        Assert.Equal((JobStatus.Pending, 1L, Now, Now), (job.Status, job.Version, job.CreatedAt, job.UpdatedAt));
        Assert.Equal([Phase.Schema, Phase.People, Phase.Deals], job.Phases.Select(phase => phase.Phase));
        Assert.Equal([Phase.People, Phase.Deals], job.Entities);
        Assert.Equal(new string($$"""{"api_key":"{{Seed.SourceSecret}}"}""".Reverse().ToArray()), job.ProtectedSourceConfig);
        Assert.All(job.Phases, phase => Assert.Equal(job.Id, phase.JobId));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(10_001)]
    public void A_batch_size_outside_100_to_10000_is_refused(int batchSize)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Job.Create(Seed.NewJob(Guid.NewGuid()) with { BatchSize = batchSize }, new ReversingProtector(), Now));

        Assert.Equal("BatchSize", error.ParamName);
    }

    [Fact]
    public void Claiming_starts_a_pending_job_and_a_takeover_keeps_its_first_start()
    {
        var job = NewJob();

        job.Claim("worker-a", Now.AddMinutes(5), Now);
        Assert.Throws<StateTransitionException>(() => job.Claim("worker-b", Now.AddMinutes(9), Now.AddMinutes(4)));
        job.Claim("worker-b", Now.AddMinutes(10), Now.AddMinutes(5));

        Assert.Equal((JobStatus.Running, "worker-b", Now.AddMinutes(10), Now), (job.Status, job.LeaseOwner, job.LeaseExpiresAt!.Value, job.StartedAt!.Value));
        Assert.Equal(3, job.Version);
    }

    [Fact]
    public void Cancelling_depends_on_the_status()
    {
        var pending = NewJob();
        var running = NewJob();
        running.Claim("worker-a", Now.AddMinutes(5), Now);

        pending.RequestCancel(Now);
        running.RequestCancel(Now);
        running.RequestCancel(Now.AddSeconds(1));

        Assert.Equal((JobStatus.Cancelled, Now), (pending.Status, pending.CompletedAt!.Value));
        Assert.Equal((JobStatus.Cancelling, true, Now), (running.Status, running.CancelRequested, running.UpdatedAt));
        running.MarkCancelled(Now.AddSeconds(2));
        Assert.Equal(("Cancelled on request.", null), (running.StatusReason, running.LeaseOwner));
        Assert.Throws<StateTransitionException>(() => running.RequestCancel(Now.AddSeconds(3)));
    }

    [Fact]
    public void Only_an_active_job_can_finish_and_only_a_failed_one_can_be_retried()
    {
        var job = NewJob();
        Assert.Throws<StateTransitionException>(() => job.Complete(withErrors: false, Now));
        Assert.Throws<StateTransitionException>(() => job.Retry(Now));
        job.Claim("worker-a", Now.AddMinutes(5), Now);

        job.Fail("Affinity answered 401: check the source API key.", Now.AddMinutes(1));
        Assert.Throws<StateTransitionException>(() => job.Fail("again", Now.AddMinutes(2)));
        job.Retry(Now.AddMinutes(3));

        Assert.Equal((JobStatus.Pending, null, null, null), (job.Status, job.StatusReason, job.CompletedAt, job.LeaseOwner));
        job.Claim("worker-b", Now.AddMinutes(9), Now.AddMinutes(4));
        job.Complete(withErrors: true, Now.AddMinutes(5));
        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        Assert.True(job.IsFinished);
    }

    private static Job NewJob() => Job.Create(Seed.NewJob(Guid.NewGuid()), new ReversingProtector(), Now);

    // Enough to see that Create protects the configs; real protection is tested with Data Protection.
    private sealed class ReversingProtector : ISecretProtector
    {
        public string Protect(string plaintext) => new([.. plaintext.Reverse()]);

        public string Unprotect(string protectedValue) => new([.. protectedValue.Reverse()]);
    }
}
