using System.IO.Compression;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using UglyToad.PdfPig;

namespace DistressBot.Tests.EndToEnd;

/// <summary>The case log end to end: a whole case, the lawyer's checkpoint at resolution, /export as a protected zip, export-case by the admin, and `verify` on both.</summary>
public sealed partial class EscalationTests
{
    /// <summary>
    /// A missed check-in, a Russian note, an acknowledgement and a resolution; the lawyer keeps the checkpoint sent at
    /// resolution, exports the bundle in Telegram and verifies it offline with the key the admin gave him, and the bundle
    /// proves the checkpoint he kept is a prefix of the final log. Someone not on the case gets "no such case".
    /// </summary>
    [Fact]
    public async Task Journey_CaseExportedInTelegramAndByTheAdmin_VerifiesOffline_AgainstThePinnedKey()
    {
        await using var s = await StartWithChainAsync();
        var vkey = (await s.AdminAsync("keys", "log-key")).Output.Trim();
        await MissAsync(s);
        await s.SayAsync(Scenario.Olga, "/note C-0001 Соседи слышали крики, дверь открыта", "C-0001");
        await s.SayAsync(Scenario.Nina, "/ack C-0001", "C-0001");
        await s.SayAsync(Scenario.Nina, "/resolve C-0001 detained в ОВД Ленинского района", "C-0001 resolved");
        var kept = await s.ExpectAsync(Scenario.Alexander, "Checkpoint of case C-0001's log");
        var keptNote = kept[kept.IndexOf("\n\n", StringComparison.Ordinal)..].TrimStart('\n');
        Assert.True(NoteVerifier.Parse(vkey).TryOpen(keptNote, out _)); // signed with the key the admin printed

        await s.EnrolCoordinatorAsync(Scenario.Vera, "Vera");
        Assert.Equal("There is no case C-0001 among yours.", await s.SayAsync(Scenario.Vera, "/export C-0001"));
        Assert.Equal("There is no case C-0099 among yours.", await s.SayAsync(Scenario.Alexander, "/export C-0099"));
        await s.SayAsync(Scenario.Alexander, "/export C-0001");
        var sent = await s.Telegram.WaitForBotMessageAsync(Scenario.Alexander.Id, m => m.Document?.FileName == "C-0001-bundle.zip", TimeSpan.FromSeconds(30));
        await s.QuietAsync(); // the zip's delivery is logged in the unit of work after Telegram accepted it
        Assert.True(sent.ProtectContent);
        Assert.Contains("distressbot verify C-0001-bundle.zip", sent.Document!.Caption, StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("distressbot-bundle-");
        try
        {
            var zip = Path.Combine(folder.FullName, "C-0001-bundle.zip");
            await File.WriteAllBytesAsync(zip, sent.Document.Content.ToArray());
            var verdict = BundleVerifier.Verify(zip, new BundleTrust(NoteVerifier.Parse(vkey)));
            Assert.True(verdict.Verified, verdict.ToString());

            // The checkpoint the lawyer kept is in the bundle, proved consistent with the final log.
            using var archive = ZipFile.OpenRead(zip);
            var keptInBundle = archive.Entries.Where(e => e.FullName.StartsWith("checkpoints/", StringComparison.Ordinal) && e.Name == "checkpoint")
                .Select(e => new StreamReader(e.Open()).ReadToEnd())
                .ToList();
            Assert.Contains(keptNote, keptInBundle);
            var log = new StreamReader(archive.GetEntry("log.jsonl")!.Open()).ReadToEnd();
            Assert.Contains("\"kind\":\"note\"", log, StringComparison.Ordinal);
            Assert.Contains("Соседи слышали крики, дверь открыта", log, StringComparison.Ordinal);
            Assert.Contains("\"kind\":\"exported\",\"at\":", log, StringComparison.Ordinal);
            Assert.Contains("\"kind\":\"access_refused\",\"at\":", log, StringComparison.Ordinal); // Vera asked
            Assert.Contains("{\"role\":\"coordinator\",\"alias\":\"Vera\"}", log, StringComparison.Ordinal);
            using var pdf = PdfDocument.Open(new BinaryReader(archive.GetEntry("report.pdf")!.Open()).ReadBytes(10_000_000));
            var words = string.Join(' ', pdf.GetPages().Select(p => p.Text));
            Assert.Contains("C-0001", words, StringComparison.Ordinal);
            Assert.Contains("Salek", words, StringComparison.Ordinal);

            // The admin's export of the same case, while the bot runs, verifies too and holds one more entry: its own.
            var written = await s.AdminAsync("export-case", "C-0001", "--out", Path.Combine(folder.FullName, "admin"));
            Assert.Equal(0, written.ExitCode);
            Assert.True(BundleVerifier.Verify(Path.Combine(folder.FullName, "admin"), new BundleTrust(NoteVerifier.Parse(vkey))).Verified);
            var adminLog = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "admin", "log.jsonl"));
            Assert.StartsWith(log, adminLog, StringComparison.Ordinal); // the log only grew: the zip's delivery to Alexander, then the admin's export
            Assert.Contains("\"kind\":\"alert_delivered\"", adminLog[log.Length..], StringComparison.Ordinal);
            Assert.Contains("C-0001-bundle.zip", adminLog[log.Length..], StringComparison.Ordinal);
            Assert.EndsWith("\"actor\":{\"role\":\"admin\",\"alias\":null},\"person\":null,\"content\":null,\"message_id\":null,\"text\":null}\n", adminLog, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        AssertSubjectToldNothing(s);
    }
}
