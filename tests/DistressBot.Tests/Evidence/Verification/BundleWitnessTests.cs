using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;
using DistressBot.Tests.Hosting;
using NSec.Cryptography;

namespace DistressBot.Tests.Evidence.Verification;

/// <summary>
/// `verify` over what others added to checkpoint folders: a witness's cosignatures (C2SP tlog-cosignature, signed here
/// with an NSec key as a witness signs) and RFC 3161 tokens from the local timestamp authority (openssl ts).
/// </summary>
public sealed class BundleWitnessTests(TimestampAuthorityFixture fixture) : IClassFixture<TimestampAuthorityFixture>, IDisposable
{
    private const string WitnessName = "witness.test/w1";

    private static readonly DateTimeOffset CosignedAt = new(2026, 11, 30, 18, 5, 7, TimeSpan.Zero);

    private readonly Key _witness = Key.Create(SignatureAlgorithm.Ed25519);

    private readonly BundleFixture _bundle = BundleFixture.Create(7, 2, 5);

    private string WitnessKey => CosignatureTests.CosignatureKey(WitnessName, _witness.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public void Dispose()
    {
        _witness.Dispose();
        _bundle.Dispose();
    }

    [Fact]
    public async Task Verify_AGoodCosignatureAndToken_VerifyAndAreReportedWithTheTrustTheyRestOn()
    {
        Cosign(0);
        Cosign(1);
        await StampAsync(1);

        var verdict = BundleVerifier.Verify(_bundle.Folder);

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        var facts = verdict.Facts!;
        Assert.Equal(
            [new CosignatureFact("checkpoints/000000", WitnessName, WitnessKey, CosignedAt), new CosignatureFact("checkpoints/000001", WitnessName, WitnessKey, CosignedAt)],
            facts.Cosignatures);
        var stamped = Assert.Single(facts.Timestamps);
        Assert.Equal(("checkpoints/000001", "CN=DistressBot test TSA"), (stamped.Folder, stamped.Authority));
        Assert.Empty(facts.NotChecked);
        Assert.Equal(["checkpoints/000000/sent.txt", "checkpoints/000001/sent.txt"], facts.SentLists);
        var english = verdict.Describe(Language.En);
        Assert.Contains("checkpoints/000000: cosigned by the witness witness.test/w1 at 2026-11-30 18:05:07 UTC.", english, StringComparison.Ordinal);
        Assert.Contains($"checkpoints/000001: timestamped by CN=DistressBot test TSA at {stamped.GenTime.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.", english, StringComparison.Ordinal);
        Assert.Contains("The witness key was taken from the bundle itself (witness.vkey)", english, StringComparison.Ordinal);
        Assert.Contains(WitnessKey, english, StringComparison.Ordinal);
        Assert.Contains("only as far as you trust the authority it names", english, StringComparison.Ordinal);
        Assert.Contains("Where the server says it sent the checkpoints (2; the server's own word, not proof)", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Not checked", english, StringComparison.Ordinal);
        Assert.DoesNotContain("you pinned", english, StringComparison.Ordinal);
        Assert.Contains("checkpoints/000000: подписана свидетелем witness.test/w1 в 2026-11-30 18:05:07 UTC.", verdict.Describe(Language.Ru), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithTheWitnessKeyAndTheTsaCertificatePinned_PassesAndSaysTheyMatch()
    {
        Cosign(1);
        await StampAsync(0);
        using var ca = fixture.Authority.CaCertificate();

        var verdict = BundleVerifier.Verify(_bundle.Folder, new BundleTrust(PinnedWitness: CosignatureVerifier.Parse(WitnessKey), PinnedTimestampAuthority: ca));

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        Assert.True(verdict.Facts!.WitnessPinned);
        Assert.True(verdict.Facts.TimestampAuthorityPinned);
        var english = verdict.Describe(Language.En);
        Assert.Contains("The cosignatures are by the witness key you pinned.", english, StringComparison.Ordinal);
        Assert.Contains("The timestamp tokens are signed under the certificate you pinned (--tsa-cert).", english, StringComparison.Ordinal);
        Assert.DoesNotContain("witness key was taken", english, StringComparison.Ordinal);
        Assert.DoesNotContain("certificate was taken", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_APinnedWitnessKey_ChecksCosignaturesThatCameWithoutWitnessVkey()
    {
        Cosign(1);
        File.Delete(FileIn(1, BundleLayout.WitnessKey));

        var alone = BundleVerifier.Verify(_bundle.Folder);
        var pinned = BundleVerifier.Verify(_bundle.Folder, new BundleTrust(PinnedWitness: CosignatureVerifier.Parse(WitnessKey)));

        Assert.Equal(VerdictTextId.CosignaturesWithoutWitnessKey, alone.Problem!.Id);
        Assert.Equal("checkpoints/000001/cosignatures", alone.Problem.File);
        Assert.Equal(
            "checkpoints/000001: the folder holds witness cosignatures but no witness.vkey, and no --witness-key was given: there is no key to check them with.",
            alone.Problem.Describe(Language.En));
        Assert.True(pinned.Verified, pinned.Describe(Language.En));
        Assert.Equal("checkpoints/000001", Assert.Single(pinned.Facts!.Cosignatures).Folder);
    }

    [Fact]
    public void Verify_AChangedCosignature_IsRefusedNamingTheFolder()
    {
        Cosign(0);
        Cosign(1);
        var file = FileIn(1, BundleLayout.Cosignatures);
        var original = Cosignature.Parse(File.ReadAllText(file));
        File.WriteAllText(file, Cosignature.Create(original.KeyName, original.KeyId, original.Timestamp + 1, original.Signature) + "\n");

        var problem = Failed(_bundle.Folder);

        Assert.Equal(VerdictTextId.CosignatureInvalid, problem.Id);
        Assert.Equal("checkpoints/000001/cosignatures", problem.File);
        Assert.Equal(
            "checkpoints/000001: the witness cosignature by witness.test/w1 does not verify: the checkpoint or the cosignature was changed after the witness signed.",
            problem.Describe(Language.En));
    }

    [Fact]
    public void Verify_ACosignatureOverAnotherCheckpoint_IsRefused()
    {
        Cosign(1, _bundle.FolderNote(0));

        var problem = Failed(_bundle.Folder);

        Assert.Equal(VerdictTextId.CosignatureInvalid, problem.Id);
        Assert.Equal("checkpoints/000001/cosignatures", problem.File);
    }

    [Fact]
    public void Verify_CosignaturesByAnotherWitnessThanThePinnedOne_AreRefused()
    {
        Cosign(1);
        using var pinnedKey = Key.Create(SignatureAlgorithm.Ed25519);
        var pinned = CosignatureTests.CosignatureKey(WitnessName, pinnedKey.PublicKey.Export(KeyBlobFormat.RawPublicKey));

        var withVkey = BundleVerifier.Verify(_bundle.Folder, new BundleTrust(PinnedWitness: CosignatureVerifier.Parse(pinned)));
        File.Delete(FileIn(1, BundleLayout.WitnessKey));
        var withoutVkey = BundleVerifier.Verify(_bundle.Folder, new BundleTrust(PinnedWitness: CosignatureVerifier.Parse(pinned)));

        Assert.False(withVkey.Verified);
        Assert.Equal(VerdictTextId.WitnessKeyNotPinned, withVkey.Problem!.Id);
        Assert.Equal("checkpoints/000001/witness.vkey", withVkey.Problem.File);
        Assert.Contains($"is the witness key {WitnessKey}, not the witness key you pinned ({pinned})", withVkey.Problem.Describe(Language.En), StringComparison.Ordinal);
        Assert.False(withoutVkey.Verified);
        Assert.Equal(VerdictTextId.CosignatureByOtherWitness, withoutVkey.Problem!.Id); // the same name, another key: another key id
        Assert.Equal("checkpoints/000001/cosignatures", withoutVkey.Problem.File);
    }

    [Fact]
    public void Verify_CosignaturesOnlyByAnUnknownWitness_SayWhoSignedThem()
    {
        Cosign(1);
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        File.WriteAllText(FileIn(1, BundleLayout.WitnessKey), CosignatureTests.CosignatureKey("other.test/w9", otherKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)) + "\n");

        var problem = Failed(_bundle.Folder);

        Assert.Equal(VerdictTextId.CosignatureByOtherWitness, problem.Id);
        Assert.StartsWith("checkpoints/000001: there is no cosignature by the witness other.test/w9 (cosignatures by: witness.test/w1 (", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AWitnessVkeyThatIsTheLogsKey_IsRefusedAsNotAWitnessKey()
    {
        Cosign(0);
        File.WriteAllText(FileIn(0, BundleLayout.WitnessKey), _bundle.Signer.VerifierKey + "\n");

        var problem = Failed(_bundle.Folder);

        Assert.Equal(VerdictTextId.WitnessKeyMalformed, problem.Id);
        Assert.Equal("checkpoints/000000/witness.vkey", problem.File);
        Assert.Contains("type 0x04", problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ATokenOverOtherBytes_IsRefusedNamingTheFolderAndWhy()
    {
        await StampAsync(1, Encoding.UTF8.GetBytes(_bundle.FolderNote(0)));

        var problem = Failed(_bundle.Folder);

        Assert.Equal(VerdictTextId.TimestampInvalid, problem.Id);
        Assert.Equal("checkpoints/000001/timestamp.tsr", problem.File);
        Assert.Equal(
            "checkpoints/000001: the timestamp token (timestamp.tsr) does not prove this checkpoint's time: The token is for other bytes: its imprint is not SHA-256 of these.",
            problem.Describe(Language.En));
    }

    [Fact]
    public async Task Verify_ATamperedToken_IsRefused()
    {
        await StampAsync(0);
        var file = FileIn(0, BundleLayout.Timestamp);
        var token = File.ReadAllBytes(file);
        token[^1] ^= 1; // the last byte of the signer's signature

        File.WriteAllBytes(file, token);
        var problem = Failed(_bundle.Folder);

        Assert.Equal(VerdictTextId.TimestampInvalid, problem.Id);
        Assert.Equal("checkpoints/000000/timestamp.tsr", problem.File);
    }

    [Fact]
    public async Task Verify_ATokenUnderAnotherCertificateThanThePinnedOne_IsRefused()
    {
        await StampAsync(1);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Another TSA", otherKey, HashAlgorithmName.SHA256);
        using var other = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var verdict = BundleVerifier.Verify(_bundle.Folder, new BundleTrust(PinnedTimestampAuthority: other));

        Assert.False(verdict.Verified);
        Assert.Equal(VerdictTextId.TimestampInvalid, verdict.Problem!.Id);
        Assert.Equal("checkpoints/000001/timestamp.tsr", verdict.Problem.File);
        Assert.EndsWith("The token was signed by another authority than the pinned certificate.", verdict.Problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PinsWithNothingToCheck_PassAndSaySo()
    {
        using var ca = fixture.Authority.CaCertificate();

        var verdict = BundleVerifier.Verify(_bundle.Folder, new BundleTrust(PinnedWitness: CosignatureVerifier.Parse(WitnessKey), PinnedTimestampAuthority: ca));

        Assert.True(verdict.Verified, verdict.Describe(Language.En));
        var english = verdict.Describe(Language.En);
        Assert.Contains("You pinned a witness key, but no checkpoint in the bundle is cosigned by a witness.", english, StringComparison.Ordinal);
        Assert.Contains("You pinned a timestamp authority's certificate, but no checkpoint in the bundle carries a timestamp token.", english, StringComparison.Ordinal);
    }

    /// <summary>An RFC 3161 token from the local authority over <paramref name="data"/>.</summary>
    internal static async Task<byte[]> TokenAsync(FakeTimestampAuthority tsa, byte[] data)
    {
        var request = TimestampToken.CreateRequest(data);
        using var http = new HttpClient();
        using var body = new ByteArrayContent(request.Encoded);
        body.Headers.ContentType = new MediaTypeHeaderValue(TimestampToken.RequestMediaType);
        using var reply = await http.PostAsync(tsa.Url, body);
        reply.EnsureSuccessStatusCode();
        return TimestampToken.ReadReply(request, await reply.Content.ReadAsByteArrayAsync());
    }

    private string FileIn(int folder, string name) => Path.Combine(_bundle.PathOf(BundleLayout.CheckpointFolder(folder)), name);

    // The witness's cosignature of the folder's checkpoint (or of another note), with its key, as CaseBundle writes them.
    private void Cosign(int folder, string? note = null)
    {
        var text = SignedNote.Parse(note ?? _bundle.FolderNote(folder)).Text;
        File.WriteAllText(FileIn(folder, BundleLayout.Cosignatures), CosignatureTests.Cosign(_witness, WitnessName, text, (ulong)CosignedAt.ToUnixTimeSeconds()) + "\n");
        File.WriteAllText(FileIn(folder, BundleLayout.WitnessKey), WitnessKey + "\n");
    }

    private async Task StampAsync(int folder, byte[]? data = null) =>
        File.WriteAllBytes(FileIn(folder, BundleLayout.Timestamp), await TokenAsync(fixture.Authority, data ?? File.ReadAllBytes(FileIn(folder, BundleLayout.Checkpoint))));

    private static BundleProblem Failed(string path)
    {
        var verdict = BundleVerifier.Verify(path);
        Assert.False(verdict.Verified);
        Assert.Null(verdict.Facts);
        return verdict.Problem!;
    }
}
