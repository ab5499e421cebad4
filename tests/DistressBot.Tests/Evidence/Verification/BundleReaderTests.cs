using System.IO.Compression;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;

namespace DistressBot.Tests.Evidence.Verification;

/// <summary>A hostile bundle cannot make the reader leave the bundle, confuse two files, or exhaust memory.</summary>
public sealed class BundleReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("distressbot-reader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("../log.jsonl")]
    [InlineData("checkpoints/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("checkpoints\\000000\\checkpoint")]
    [InlineData("checkpoints//000000")]
    [InlineData("./log.jsonl")]
    public void Open_AZipWithANameOutsideTheBundle_IsRefusedNamingIt(string name)
    {
        var zip = Zip(("log.jsonl", "x\n"u8.ToArray()), (name, "x"u8.ToArray()));

        var problem = Assert.Throws<BundleProblemException>(() => BundleReader.Open(zip)).Problem;

        Assert.Equal(VerdictTextId.UnsafePath, problem.Id);
        Assert.Equal(name, problem.File);
        Assert.Contains(name, problem.Describe(Language.En), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("log.jsonl", "log.jsonl")]
    [InlineData("log.jsonl", "LOG.jsonl")]
    public void Open_AZipWithTwoFilesOfOneName_IsRefused(string first, string second)
    {
        var zip = Zip((first, "a\n"u8.ToArray()), (second, "b\n"u8.ToArray()));

        var problem = Assert.Throws<BundleProblemException>(() => BundleReader.Open(zip)).Problem;

        Assert.Equal(VerdictTextId.DuplicateName, problem.Id);
        Assert.Equal(second, problem.File);
    }

    [Fact]
    public void Read_AnEntryLargerThanAskedFor_IsRefusedWithoutReadingItAll()
    {
        // 80 MiB of zeros compress to under 100 KiB: the declared size is not trusted, the read stops at the limit.
        var zip = Path.Combine(_folder, "bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var stream = archive.CreateEntry("log.jsonl", CompressionLevel.Fastest).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 80; i++)
            {
                stream.Write(zeros);
            }
        }

        using var reader = BundleReader.Open(zip);
        var problem = Assert.Throws<BundleProblemException>(() => reader.Read("log.jsonl", BundleVerifier.MaxLogBytes)).Problem;

        Assert.True(new FileInfo(zip).Length < 1024 * 1024);
        Assert.Equal(VerdictTextId.FileTooLarge, problem.Id);
        Assert.Equal("log.jsonl is larger than 67108864 bytes, the most this check reads for it; the bundle is refused.", problem.Describe(Language.En));
    }

    [Fact]
    public void Read_PastTheWholeBundlesBudget_IsRefused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "bundle")).FullName;
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"part{i}"), new byte[400]);
        }

        using var reader = BundleReader.Open(folder, maxTotalBytes: 1000);
        reader.Read("part0", 500);
        reader.Read("part1", 500);

        var problem = Assert.Throws<BundleProblemException>(() => reader.Read("part2", 500)).Problem;
        Assert.Equal(VerdictTextId.BundleTooLarge, problem.Id);
        Assert.Equal("The bundle's files add up to more than 1000 bytes, the most this check reads; it is refused.", problem.Describe(Language.En));
    }

    [Fact]
    public void Open_AZipListingMoreFilesThanTheLimit_IsRefusedBeforeItsListIsRead()
    {
        var zip = Path.Combine(_folder, "many.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            for (var i = 0; i <= BundleReader.MaxFiles; i++)
            {
                archive.CreateEntry("f" + i, CompressionLevel.NoCompression);
            }
        }

        var problem = Assert.Throws<BundleProblemException>(() => BundleReader.Open(zip)).Problem;

        Assert.Equal(VerdictTextId.TooManyFiles, problem.Id);
    }

    [Fact]
    public void Open_AFolderWithASymbolicLink_IsRefused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "bundle")).FullName;
        File.WriteAllText(Path.Combine(folder, "log.jsonl"), "x\n");
        File.CreateSymbolicLink(Path.Combine(folder, "checkpoint"), "/etc/passwd");

        var problem = Assert.Throws<BundleProblemException>(() => BundleReader.Open(folder)).Problem;

        Assert.Equal(VerdictTextId.LinkRefused, problem.Id);
        Assert.Equal("checkpoint", problem.File);
    }

    [Fact]
    public void Open_AFolder_ListsItsFilesWithSlashes_AndReadsHiddenOnesToo()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "bundle")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "checkpoints", "000000"));
        File.WriteAllText(Path.Combine(folder, "checkpoints", "000000", "proof"), "");
        File.WriteAllText(Path.Combine(folder, ".hidden"), "h");

        using var reader = BundleReader.Open(folder);

        Assert.Equal(["checkpoints/000000/proof", ".hidden"], reader.Files.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal("h"u8.ToArray(), reader.Read(".hidden", 10));
        Assert.False(reader.Contains("checkpoints/000000"));
    }

    [Fact]
    public void Open_NeitherFolderNorFile_OrNotAZip_IsAProblemNotACrash()
    {
        var missing = Path.Combine(_folder, "nothing");
        var notZip = Path.Combine(_folder, "bundle.zip");
        File.WriteAllText(notZip, "this is not a zip file, only text");

        Assert.Equal(VerdictTextId.BundleNotFound, Assert.Throws<BundleProblemException>(() => BundleReader.Open(missing)).Problem.Id);
        Assert.Equal(VerdictTextId.ZipUnreadable, Assert.Throws<BundleProblemException>(() => BundleReader.Open(notZip)).Problem.Id);
        Assert.False(BundleVerifier.Verify(notZip).Verified);
    }

    private string Zip(params (string Name, byte[] Bytes)[] files)
    {
        var zip = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var (name, bytes) in files)
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(bytes);
        }

        return zip;
    }
}
