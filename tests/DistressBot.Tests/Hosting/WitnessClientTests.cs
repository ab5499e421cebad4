using DistressBot.Evidence;
using DistressBot.Tests.Fakes;
using NSec.Cryptography;

namespace DistressBot.Tests.Hosting;

/// <summary>WitnessClient against a local C2SP tlog-witness: first add, growth with a proof, conflicts and refusals.</summary>
public sealed class WitnessClientTests : IAsyncLifetime, IDisposable
{
    private const string Origin = "distressbot-0a1b2c3d/C-0042";
    private static readonly DateTimeOffset WitnessNow = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly Key _logKey = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly MerkleTree _tree = new();
    private readonly EvidenceClientsHarness _clients = new();
    private NoteSigner _log = null!;
    private FakeWitness _witness = null!;

    public async Task InitializeAsync()
    {
        _log = new NoteSigner("distressbot-0a1b2c3d", _logKey);
        _witness = await FakeWitness.StartAsync(_log.VerifierKey, time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(WitnessNow));
    }

    public async Task DisposeAsync() => await _witness.DisposeAsync();

    public void Dispose()
    {
        _clients.Dispose();
        _logKey.Dispose();
    }

    [Fact]
    public async Task AddCheckpoint_FirstFromZero_IsCosigned_ByTheWitnessKey()
    {
        var (note, text) = Grow(3);

        var outcome = await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 0, [], note, CancellationToken.None);

        var cosigned = Assert.IsType<WitnessCosigned>(outcome);
        Assert.True(CosignatureVerifier.Parse(_witness.VerifierKey).TryVerify(text, cosigned.Body, out var at));
        Assert.Equal(WitnessNow, at);
        Assert.Equal(3UL, _witness.SizeOf(Origin));
    }

    [Fact]
    public async Task AddCheckpoint_GrowingWithAConsistencyProof_IsCosigned_AndTheWitnessMovesOn()
    {
        var (first, _) = Grow(3);
        Assert.IsType<WitnessCosigned>(await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 0, [], first, CancellationToken.None));
        var (second, text) = Grow(4);

        var outcome = await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 3, _tree.ConsistencyProof(3, 7), second, CancellationToken.None);

        var cosigned = Assert.IsType<WitnessCosigned>(outcome);
        Assert.True(CosignatureVerifier.Parse(_witness.VerifierKey).TryVerify(text, cosigned.Body, out _));
        Assert.Equal(7UL, _witness.SizeOf(Origin));
    }

    [Fact]
    public async Task AddCheckpoint_StaleOldSize_IsAConflictWithTheWitnessSize_AndNothingCosigned()
    {
        var (first, _) = Grow(3);
        Assert.IsType<WitnessCosigned>(await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 0, [], first, CancellationToken.None));
        var (second, _) = Grow(2);

        var outcome = await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 0, [], second, CancellationToken.None);

        Assert.Equal(new WitnessConflict(3), outcome);
        Assert.Equal(3UL, _witness.SizeOf(Origin));
        Assert.IsType<WitnessCosigned>(await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 3, _tree.ConsistencyProof(3, 5), second, CancellationToken.None)); // resent from its size
    }

    [Fact]
    public async Task AddCheckpoint_BadProof_IsRefusedAsBadProof_AndTheWitnessKeepsItsSize()
    {
        var (first, _) = Grow(3);
        Assert.IsType<WitnessCosigned>(await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 0, [], first, CancellationToken.None));
        var (second, _) = Grow(4);
        var proof = _tree.ConsistencyProof(3, 7).Select(h => (byte[])h.Clone()).ToList();
        proof[0][0] ^= 1;

        var outcome = await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 3, proof, second, CancellationToken.None);

        var failed = Assert.IsType<WitnessFailed>(outcome);
        Assert.Equal(WitnessFailureKind.BadProof, failed.Kind);
        Assert.False(failed.Transient);
        Assert.Equal(3UL, _witness.SizeOf(Origin));
    }

    [Fact]
    public async Task AddCheckpoint_SignedByAnotherKeyOfTheSameName_IsForbidden_AndNothingRecorded()
    {
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var impostor = new NoteSigner(_log.KeyName, otherKey);
        _tree.Append("entry"u8);
        var note = impostor.Sign(new Checkpoint(Origin, _tree.Size, _tree.RootHash()).ToText());

        var outcome = await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 0, [], note, CancellationToken.None);

        Assert.Equal(WitnessFailureKind.Forbidden, Assert.IsType<WitnessFailed>(outcome).Kind);
        Assert.Null(_witness.SizeOf(Origin));
    }

    [Fact]
    public async Task AddCheckpoint_ForkAtTheKnownSize_IsARootMismatch()
    {
        var (first, _) = Grow(3);
        Assert.IsType<WitnessCosigned>(await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 0, [], first, CancellationToken.None));
        var fork = _log.Sign(new Checkpoint(Origin, 3, new byte[32]).ToText());

        var outcome = await _clients.Witness.AddCheckpointAsync(_witness.Prefix, 3, [], fork, CancellationToken.None);

        Assert.Equal(WitnessFailureKind.RootMismatch, Assert.IsType<WitnessFailed>(outcome).Kind);
    }

    [Fact]
    public async Task AddCheckpoint_WitnessDown_IsATransientNetworkFailure()
    {
        var (note, _) = Grow(1);
        var prefix = _witness.Prefix;
        await _witness.DisposeAsync();

        var outcome = await _clients.Witness.AddCheckpointAsync(prefix, 0, [], note, CancellationToken.None);

        var failed = Assert.IsType<WitnessFailed>(outcome);
        Assert.Equal(WitnessFailureKind.Network, failed.Kind);
        Assert.True(failed.Transient);
        Assert.DoesNotContain(prefix.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.Message, StringComparison.Ordinal);
        _witness = await FakeWitness.StartAsync(_log.VerifierKey); // for DisposeAsync
    }

    [Fact]
    public async Task Logs_HoldNeitherTheUrlsSecretNorTheCheckpoint()
    {
        var (note, text) = Grow(2);
        var secretPrefix = new Uri(_witness.Prefix, "s3cret-path-token/");

        Assert.IsType<WitnessCosigned>(await _clients.Witness.AddCheckpointAsync(secretPrefix, 0, [], note, CancellationToken.None));
        Assert.IsNotType<WitnessCosigned>(await _clients.Witness.AddCheckpointAsync(secretPrefix, 1, [new byte[32]], note, CancellationToken.None));

        Assert.Contains(_clients.Logs, l => l.EventId == 3510);
        Assert.Contains(_clients.Logs, l => l.EventId == 3511 || l.EventId == 3512);
        Assert.All(_clients.Logs, l =>
        {
            Assert.DoesNotContain("s3cret", l.Everything, StringComparison.Ordinal);
            Assert.DoesNotContain(Origin, l.Everything, StringComparison.Ordinal);
            Assert.DoesNotContain(text.Split('\n')[2], l.Everything, StringComparison.Ordinal);
        });
    }

    /// <summary>Appends <paramref name="entries"/> leaves and signs the checkpoint of the new size.</summary>
    private (string Note, string Text) Grow(int entries)
    {
        for (var i = 0; i < entries; i++)
        {
            _tree.Append(System.Text.Encoding.UTF8.GetBytes($"entry {_tree.Size}"));
        }

        var text = new Checkpoint(Origin, _tree.Size, _tree.RootHash()).ToText();
        return (_log.Sign(text), text);
    }
}
