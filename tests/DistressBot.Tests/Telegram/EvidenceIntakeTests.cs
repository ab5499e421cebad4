using System.Security.Cryptography;
using DistressBot.Domain;
using DistressBot.Evidence;
using DistressBot.Telegram;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Escalation;
using DistressBot.Tests.Fakes;
using DistressBot.Transport;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;

namespace DistressBot.Tests.Telegram;

/// <summary>
/// Evidence intake: the router (over <see cref="BotChat"/>) records a file sent after /evidence or with it as caption, and the
/// downloader takes it from the fake Bot API over real HTTP (getFile, then /file/bot{token}/{path}), keeps it and answers with its hash.
/// </summary>
public sealed class EvidenceIntakeTests : IAsyncLifetime, IDisposable
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4 flat 12, door forced, 02:10"u8];

    private readonly OpenCaseWorld _w = OpenCaseWorld.Start();
    private readonly FakeTimeProvider _transport = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CapturingLogger<EvidenceDownloader> _log = new();
    private FakeBotApiServer _server = null!;
    private EvidenceDownloader _downloader = null!;
    private BotChat _chat = null!;

    private Person Lev => _w.World.Person(_w.People["Lev"].Id);

    public async Task InitializeAsync()
    {
        _server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Time = _w.World.Time, TransportTime = _transport });
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()) { RetryThreshold = 0 });
        _downloader = new EvidenceDownloader(bot, _w.World.Bot(), _w.World.Time, new TransportClock(_transport), _log);
        _chat = new BotChat(_w.World);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _downloader.Dispose();

    [Fact]
    public async Task A_document_after_evidence_is_downloaded_kept_logged_and_answered_with_its_hash()
    {
        var subjectBefore = _chat.MessagesTo(_w.People["Salek"]).Count;
        var waiting = _chat.Reply(Lev, "/evidence C-0001");
        var update = _server.EnqueueFileFromUser(Lev.TelegramUserId, FakeFileShape.Document, Pdf, "protocol.pdf", "application/pdf", date: _w.World.Now + TimeSpan.FromMinutes(2));

        var recorded = _chat.Send(update);
        Assert.True(await _downloader.PassAsync(CancellationToken.None));
        var answers = _chat.Tick(TimeSpan.Zero);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.Equal("Case C-0001: send the files — for 5 min each is kept with the case with its SHA-256. Send photos as files (📎 → File): Telegram recompresses photos.", waiting);
        Assert.Empty(recorded); // nothing said until the file is kept
        var answer = Assert.Single(answers, a => a.ChatId == Lev.ChatId).Text;
        Assert.Equal($"Case C-0001: the file 'protocol.pdf' ({Pdf.Length} bytes) is kept. SHA-256: {sha256}", answer);
        Assert.DoesNotContain("Telegram recompressed", answer, StringComparison.Ordinal);
        Assert.Equal(Pdf, _w.World.Run(db => db.EvidenceFiles.Read("C-0001", sha256)));
        var entry = CaseLogEntry.Parse(_w.World.Run(db => db.CaseLog.Entries("C-0001"))[^1]);
        Assert.Equal((CaseLogKinds.Evidence, new LogParty("lawyer", "Lev")), (entry.Kind, entry.Actor));
        Assert.Equal($"sha256={sha256} bytes={Pdf.Length} type=application/pdf name=protocol.pdf", entry.Content);
        Assert.Equal(_w.World.Now + TimeSpan.FromMinutes(2), entry.TelegramDate);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
        Assert.Equal(subjectBefore, _chat.MessagesTo(_w.People["Salek"]).Count); // the subject is told nothing
        Assert.Equal(["getFile", "file"], _server.Requests.Select(r => r.Method));

        Assert.Contains("Evidence file received", _chat.Reply(Lev, "/case C-0001"), StringComparison.Ordinal);

        // A second pass finds nothing left: the entry is written once.
        Assert.True(await _downloader.PassAsync(CancellationToken.None));
        Assert.Single(_w.Case.Timeline, e => e.Kind == CaseEntryKind.Evidence);
    }

    [Fact]
    public async Task A_photo_with_the_caption_is_kept_and_the_answer_asks_for_photos_as_files()
    {
        var update = _server.EnqueueFileFromUser(Lev.TelegramUserId, FakeFileShape.Photo, Pdf, caption: "/evidence C-0001");

        _chat.Send(update);
        await _downloader.PassAsync(CancellationToken.None);
        var answer = Assert.Single(_chat.Tick(TimeSpan.Zero), a => a.ChatId == Lev.ChatId).Text;

        Assert.Contains("is kept. SHA-256: " + Convert.ToHexStringLower(SHA256.HashData(Pdf)), answer, StringComparison.Ordinal);
        Assert.Contains("Telegram recompressed this photo: send the original as a file", answer, StringComparison.Ordinal);
        Assert.Contains(" type=image/jpeg name=photo-", _w.Case.Timeline[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_pending_when_the_bot_stopped_is_downloaded_after_the_restart()
    {
        _chat.Send(_server.EnqueueFileFromUser(Lev.TelegramUserId, FakeFileShape.Voice, Pdf, caption: "/evidence C-0001"));
        _server.SetReachable(false);

        Assert.False(await _downloader.PassAsync(CancellationToken.None)); // Telegram unreachable: the row waits
        Assert.Single(_w.World.Run(db => db.EvidenceIntake.All()));
        Assert.DoesNotContain(_w.Case.Timeline, e => e.Kind == CaseEntryKind.Evidence);
        Assert.Contains(_log.Entries, e => e.EventId == 3565);
        _server.SetReachable(true);
        var restarted = new EvidenceDownloader(
            new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()) { RetryThreshold = 0 }), _w.World.Bot(), _w.World.Time, new TransportClock(_transport), _log);
        Assert.True(await restarted.PassAsync(CancellationToken.None));

        Assert.Single(_w.Case.Timeline, e => e.Kind == CaseEntryKind.Evidence);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
        restarted.Dispose();
    }

    [Fact]
    public void A_file_over_20_MB_is_refused_at_once_and_nothing_is_kept_or_downloaded()
    {
        var big = new byte[AddEvidenceMax + 1];
        var update = _server.EnqueueFileFromUser(Lev.TelegramUserId, FakeFileShape.Document, big, "flat.mp4", "video/mp4", caption: "/evidence C-0001");

        var answer = Assert.Single(_chat.Send(update), a => a.ChatId == Lev.ChatId).Text;

        Assert.Equal("Case C-0001: the file 'flat.mp4' is over 20 MB, more than a bot can download from Telegram. Nothing was kept; hand the file over another way.", answer);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
        Assert.DoesNotContain(_w.Case.Timeline, e => e.Kind == CaseEntryKind.Evidence);
        Assert.DoesNotContain(_server.Requests, r => r.Method is "getFile" or "file");
    }

    [Fact]
    public async Task Telegram_refusing_a_file_as_too_big_keeps_nothing_and_says_so()
    {
        // Telegram does not always state a file's size in the message: getFile then refuses it.
        var update = _server.EnqueueFileFromUser(Lev.TelegramUserId, FakeFileShape.Document, new byte[AddEvidenceMax + 1], "flat.mp4", "video/mp4", caption: "/evidence C-0001");
        update.Message!.Document!.FileSize = null;

        _chat.Send(update);
        Assert.True(await _downloader.PassAsync(CancellationToken.None));
        var answer = Assert.Single(_chat.Tick(TimeSpan.Zero), a => a.ChatId == Lev.ChatId).Text;

        Assert.StartsWith("Case C-0001: the file 'flat.mp4' is over 20 MB", answer, StringComparison.Ordinal);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
        Assert.DoesNotContain(_w.Case.Timeline, e => e.Kind == CaseEntryKind.Evidence);
        Assert.DoesNotContain(_server.Requests, r => r.Method == "file");
    }

    [Theory]
    [InlineData("Zoe", "C-0001")]
    [InlineData("Mark", "C-0001")]
    [InlineData("Lev", "C-0042")]
    public void Someone_not_on_the_case_is_told_there_is_no_such_case_and_nothing_is_recorded(string who, string typed)
    {
        var person = _w.World.Person(_w.People[who].Id);
        var update = _server.EnqueueFileFromUser(person.TelegramUserId, FakeFileShape.Document, Pdf, "protocol.pdf", "application/pdf", caption: "/evidence " + typed);

        var afterCommand = _chat.Reply(person, "/evidence " + typed);
        var afterFile = Assert.Single(_chat.Send(update), a => a.ChatId == person.ChatId).Text;

        Assert.Equal($"There is no case {typed} among yours.", afterCommand);
        Assert.Equal(afterCommand, afterFile);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
        Assert.DoesNotContain(_w.Case.Timeline, e => e.Kind == CaseEntryKind.Evidence);
        Assert.Null(_w.World.Person(person.Id).EvidenceCaseId);
    }

    [Fact]
    public void A_file_after_the_window_or_without_evidence_is_not_kept_and_says_how()
    {
        _chat.Reply(Lev, "/evidence C-0001");
        var late = _server.EnqueueFileFromUser(Lev.TelegramUserId, FakeFileShape.Document, Pdf, "protocol.pdf", "application/pdf", date: _w.World.Now + EvidenceMessages.Window + TimeSpan.FromSeconds(1));

        var answer = Assert.Single(_chat.Send(late), a => a.ChatId == Lev.ChatId).Text;

        Assert.StartsWith("To keep a file with a case, send /evidence C-0042 first", answer, StringComparison.Ordinal);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
    }

    private const int AddEvidenceMax = DistressBot.Escalation.AddEvidence.MaxBytes;
}
