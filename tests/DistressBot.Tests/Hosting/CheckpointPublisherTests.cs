using System.Text;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Hosting;
using DistressBot.Tests.Escalation;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistressBot.Tests.Hosting;

/// <summary>Signed checkpoints leave the server: a file in the witness directory, a cosignature from a C2SP witness, an RFC 3161 token; each kept and carried into the bundle.</summary>
public sealed class CheckpointPublisherTests
{
    [Fact]
    public async Task Every_checkpoint_goes_to_the_directory_the_witness_and_the_timestamp_authority_and_the_bundle_verifies_with_them()
    {
        var w = OpenCaseWorld.Start();
        var vkey = w.World.Run(db => db.CaseLog.VerifierKey!);
        await using var witness = await FakeWitness.StartAsync(vkey);
        await using var tsa = await FakeTimestampAuthority.StartAsync();
        using var clients = new EvidenceClientsHarness();
        var directory = Directory.CreateTempSubdirectory("distressbot-witness-dir-");
        try
        {
            var settings = new BotSettings
            {
                Evidence = new EvidenceOptions
                {
                    WitnessDirectory = Path.Combine(directory.FullName, "checkpoints"),
                    WitnessUrl = witness.Prefix.ToString(),
                    WitnessKey = witness.VerifierKey,
                    TimestampAuthorityUrl = tsa.Url.ToString(),
                    TimestampAuthorityCertificate = tsa.CaCertificatePath,
                },
            };
            var publisher = new CheckpointPublisher(w.World.Bot(), settings, clients.Witness, clients.Timestamps, w.World.Time, TransportClock.System, NullLogger<CheckpointPublisher>.Instance);
            w.Act("Nina", (db, nina) => AddCaseNote.Run(db, nina, OpenCaseWorld.CaseId, "on my way", w.World.Now));

            Assert.True(await publisher.PassAsync(CancellationToken.None));

            var checkpoints = w.World.Run(db => db.CaseLog.Checkpoints(OpenCaseWorld.CaseId));
            Assert.Empty(w.World.Run(db => db.CaseLog.ToPublish()));
            Assert.All(checkpoints, c => Assert.Equal(["witness-directory", "witness", "timestamp"], c.Sent.Select(s => s.Where)));
            Assert.All(checkpoints, c => Assert.Equal(c.Note, File.ReadAllText(Path.Combine(directory.FullName, "checkpoints", OpenCaseWorld.CaseId, $"{c.Index:D6}.checkpoint"))));
            Assert.All(checkpoints, c => Assert.True(TimestampToken.Verify(c.TimestampToken!, Encoding.UTF8.GetBytes(c.Note), tsa.CaCertificate()).IsValid));
            Assert.All(checkpoints, c => Assert.True(CosignatureVerifier.Parse(witness.VerifierKey).TryVerify(SignedNote.Parse(c.Note).Text, c.Cosignatures!, out _)));
            Assert.Equal((ulong)checkpoints[^1].Size, witness.SizeOf($"{DomainWorld.LogKeyName}/{OpenCaseWorld.CaseId}"));

            // A second pass has nothing to send: nothing is sent twice.
            var requests = (witness.Requests, tsa.Requests);
            Assert.True(await publisher.PassAsync(CancellationToken.None));
            Assert.Equal(requests, (witness.Requests, tsa.Requests));

            // The bundle carries the cosignatures and tokens of every checkpoint that left, and they verify offline.
            var data = w.World.Run(db => ExportCase.Run(db, null, OpenCaseWorld.CaseId, w.World.Now))!;
            Assert.True(await publisher.PassAsync(CancellationToken.None)); // the export's own checkpoint goes out too
            data = w.World.Run(db => ExportCase.Run(db, null, OpenCaseWorld.CaseId, w.World.Now))!;
            var bundle = CaseBundles.Make(data, DistressBot.Localization.Language.En, TimeZoneInfo.Utc, w.World.Now);
            Assert.Contains(bundle.Files.Keys, k => k.EndsWith("/cosignatures", StringComparison.Ordinal));
            Assert.Contains(bundle.Files.Keys, k => k.EndsWith("/timestamp.tsr", StringComparison.Ordinal));
            var folder = Path.Combine(directory.FullName, "bundle");
            bundle.WriteTo(folder);
            var verdict = BundleVerifier.Verify(folder);
            Assert.True(verdict.Verified, verdict.ToString());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task With_nothing_configured_the_queue_is_emptied_and_nothing_is_sent()
    {
        var w = OpenCaseWorld.Start();
        using var clients = new EvidenceClientsHarness();
        var publisher = new CheckpointPublisher(w.World.Bot(), new BotSettings(), clients.Witness, clients.Timestamps, w.World.Time, TransportClock.System, NullLogger<CheckpointPublisher>.Instance);

        Assert.True(await publisher.PassAsync(CancellationToken.None));

        Assert.Empty(w.World.Run(db => db.CaseLog.ToPublish()));
        Assert.All(w.World.Run(db => db.CaseLog.Checkpoints(OpenCaseWorld.CaseId)), c => Assert.Empty(c.Sent));
    }

    [Fact]
    public async Task A_witness_that_is_down_keeps_the_checkpoints_queued_in_order()
    {
        var w = OpenCaseWorld.Start();
        using var clients = new EvidenceClientsHarness();
        var vkey = w.World.Run(db => db.CaseLog.VerifierKey!);
        string witnessKey;
        Uri gone;
        await using (var witness = await FakeWitness.StartAsync(vkey))
        {
            (witnessKey, gone) = (witness.VerifierKey, witness.Prefix);
        }

        var settings = new BotSettings { Evidence = new EvidenceOptions { WitnessUrl = gone.ToString(), WitnessKey = witnessKey } };
        var publisher = new CheckpointPublisher(w.World.Bot(), settings, clients.Witness, clients.Timestamps, w.World.Time, TransportClock.System, NullLogger<CheckpointPublisher>.Instance);
        var queued = w.World.Run(db => db.CaseLog.ToPublish());

        Assert.False(await publisher.PassAsync(CancellationToken.None));

        Assert.Equal(queued, w.World.Run(db => db.CaseLog.ToPublish()));
        Assert.All(w.World.Run(db => db.CaseLog.Checkpoints(OpenCaseWorld.CaseId)), c => Assert.Empty(c.Sent));
    }
}
