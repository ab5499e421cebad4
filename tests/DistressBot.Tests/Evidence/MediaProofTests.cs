using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DistressBot.Evidence;

namespace DistressBot.Tests.Evidence;

/// <summary>What the bot notes offline about proof a file carries: ProofMode bundles and C2PA manifests, built by hand here; only what is checked is claimed.</summary>
public sealed class MediaProofTests
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xD9];

    [Fact]
    public void Describe_AProofModeZipWhoseProofNamesTheMedia_SaysItMatches_AndThatSignaturesAreNotVerified()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Photo));
        var zip = Zip(("IMG_1.jpg", Photo), ($"{sha}.proof.json", Json(sha)), ($"{sha}.proof.csv", "File Hash SHA256\n"u8.ToArray()), ($"{sha}.asc", "-----BEGIN PGP SIGNATURE-----"u8.ToArray()), ($"{sha}.ots", [0x00]), ("pubkey.asc", [0x01]));

        var note = MediaProof.Describe("proof.zip", zip);

        Assert.Equal($"proofmode: files IMG_1.jpg, {sha}.proof.json, {sha}.proof.csv, {sha}.asc, {sha}.ots, pubkey.asc; sha256 in proof matches media: yes; OpenPGP signatures (.asc): 2, not verified; OpenTimestamps (.ots): 1, not verified", note);
    }

    [Fact]
    public void Describe_AProofModeZipWhoseMediaWasChanged_SaysItDoesNotMatch()
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Photo));
        var zip = Zip(("IMG_1.jpg", [0xFF, 0xD8, 0x00, 0xFF, 0xD9]), ($"{sha}.proof.json", Json(sha)));

        Assert.Contains("sha256 in proof matches media: no;", MediaProof.Describe("proof.zip", zip), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_AZipWithoutProofFiles_OrAPlainFile_OrAJpegWithoutC2pa_SaysNothing()
    {
        Assert.Null(MediaProof.Describe("photos.zip", Zip(("a.jpg", Photo))));
        Assert.Null(MediaProof.Describe("protocol.pdf", "%PDF-1.4"u8));
        Assert.Null(MediaProof.Describe("photo.jpg", Photo));
        Assert.Null(MediaProof.Describe("broken.zip", [0x50, 0x4B, 0x03, 0x04, 0x00]));
    }

    [Fact]
    public void Describe_AJpegWithAC2paStoreInApp11_NamesItsSizeAndClaimGenerator_AndThatTheSignatureIsNotVerified()
    {
        var store = C2paStore("DistressBot test/1.0");
        var jpeg = Jpeg(App11(store));

        Assert.Equal($"c2pa manifest present ({store.Length} bytes, claim generator DistressBot test/1.0), signature not verified", MediaProof.Describe("photo.jpg", jpeg));
    }

    [Fact]
    public void Describe_AJpegWhoseApp11CarriesAnotherJumbfLabel_SaysNothing() =>
        Assert.Null(MediaProof.Describe("photo.jpg", Jpeg(App11(Jumbf("xmpx", [])))));

    [Fact]
    public void Describe_AC2paSidecar_IsDescribed_AndTheSameBytesUnderAnotherName_AreNot()
    {
        var store = C2paStore("ProofMode 1.2");

        Assert.Equal($"c2pa manifest store (sidecar) ({store.Length} bytes, claim generator ProofMode 1.2), signature not verified", MediaProof.Describe("photo.c2pa", store));
        Assert.Null(MediaProof.Describe("photo.bin", store));
    }

    private static byte[] Json(string sha) => Encoding.UTF8.GetBytes($"{{\"File Hash SHA256\":\"{sha}\",\"Proof Generated\":\"2026-11-30\"}}");

    private static byte[] Zip(params (string Name, byte[] Bytes)[] files)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    // A JUMBF superbox: LBox, "jumb", then a description box (LBox, "jumd", a 16-byte type, toggles 0x03, the label and NUL), then content.
    private static byte[] Jumbf(string label, byte[] content)
    {
        var description = new List<byte>();
        description.AddRange(new byte[16]);
        description.Add(0x03);
        description.AddRange(Encoding.ASCII.GetBytes(label));
        description.Add(0);
        var jumd = Box("jumd", [.. description]);
        return Box("jumb", [.. jumd, .. content]);
    }

    // A store whose claim holds the CBOR map entry "claim_generator": text.
    private static byte[] C2paStore(string generator)
    {
        var value = Encoding.UTF8.GetBytes(generator);
        byte[] cbor = [0xA1, 0x6F, .. "claim_generator"u8, (byte)(0x60 + value.Length), .. value];
        return Jumbf("c2pa", Box("cbor", cbor));
    }

    private static byte[] Box(string type, byte[] payload)
    {
        var length = 8 + payload.Length;
        return [(byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, .. Encoding.ASCII.GetBytes(type), .. payload];
    }

    private static byte[] App11(byte[] box)
    {
        byte[] payload = [(byte)'J', (byte)'P', 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, .. box];
        var length = payload.Length + 2;
        return [0xFF, 0xEB, (byte)(length >> 8), (byte)length, .. payload];
    }

    private static byte[] Jpeg(byte[] segment) => [0xFF, 0xD8, .. segment, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9];
}
