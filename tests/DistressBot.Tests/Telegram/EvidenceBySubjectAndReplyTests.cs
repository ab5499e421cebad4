using System.Security.Cryptography;
using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Evidence;
using DistressBot.Localization;
using DistressBot.Telegram;
using DistressBot.Telegram.FakeApi;
using DistressBot.Tests.Escalation;
using DistressBot.Tests.Fakes;
using DistressBot.Tests.Localization;
using DistressBot.Transport;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace DistressBot.Tests.Telegram;

/// <summary>
/// Evidence from the subject for their own open case (answered in words that never name the case, in cover wording when
/// theirs is), and files sent as a reply to a message the bot delivered about a case (mapped by chat and message id as
/// recorded at delivery, never by the replied text).
/// </summary>
public sealed class EvidenceBySubjectAndReplyTests : IAsyncLifetime, IDisposable
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4 bruises, photographed 03:40"u8];

    private readonly OpenCaseWorld _w = OpenCaseWorld.Start();
    private readonly FakeTimeProvider _transport = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private FakeBotApiServer _server = null!;
    private EvidenceDownloader _downloader = null!;
    private BotChat _chat = null!;

    private Person Salek => _w.World.Person(_w.People["Salek"].Id);

    private Person Person(string name) => _w.World.Person(_w.People[name].Id);

    private static string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Pdf));

    public async Task InitializeAsync()
    {
        _server = await FakeBotApiServer.StartAsync(new FakeBotApiOptions { Time = _w.World.Time, TransportTime = _transport });
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl.ToString()) { RetryThreshold = 0 });
        _downloader = new EvidenceDownloader(bot, _w.World.Bot(), _w.World.Time, new TransportClock(_transport), new CapturingLogger<EvidenceDownloader>());
        _chat = new BotChat(_w.World);
        _w.World.Run(db =>
        {
            var salek = db.People.Find(_w.People["Salek"].Id)!;
            salek.Language = Language.En;
            db.People.Save(salek);
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _downloader.Dispose();

    [Fact]
    public async Task The_subject_files_evidence_on_their_own_open_case_and_reads_only_the_hash_never_the_case()
    {
        var othersBefore = OthersTold();

        var waiting = _chat.Reply(Salek, "/evidence c-0001");
        _chat.Send(File(Salek, caption: null));
        Assert.True(await _downloader.PassAsync(CancellationToken.None));
        var answer = Assert.Single(_chat.Tick(TimeSpan.Zero), a => a.ChatId == Salek.ChatId).Text;

        Assert.Equal("Send the files: for 5 min each is kept with its SHA-256. Send photos as files (📎 → File): Telegram recompresses photos.", waiting);
        Assert.Equal($"The file 'protocol.pdf' ({Pdf.Length} bytes) is kept. SHA-256: {Sha256}", answer);
        Assert.Empty(ForbiddenWords.InAnyWording(waiting + answer));
        var entry = CaseLogEntry.Parse(_w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId))[^1]);
        Assert.Equal((CaseLogKinds.Evidence, new LogParty("subject", "Salek")), (entry.Kind, entry.Actor));
        Assert.Equal(Pdf, _w.World.Run(db => db.EvidenceFiles.Read(OpenCaseWorld.CaseId, Sha256)));
        Assert.Equal(othersBefore, OthersTold()); // nobody else is sent anything
    }

    [Fact]
    public async Task Under_cover_wording_the_subject_reads_a_file_saving_app()
    {
        _w.World.Run(db =>
        {
            var salek = db.People.Find(_w.People["Salek"].Id)!;
            salek.CoverWording = true;
            db.People.Save(salek);
        });

        var waiting = _chat.Reply(Salek, "/evidence C-0001");
        _chat.Send(File(Salek, caption: null, shape: FakeFileShape.Photo));
        await _downloader.PassAsync(CancellationToken.None);
        var answer = Assert.Single(_chat.Tick(TimeSpan.Zero), a => a.ChatId == Salek.ChatId).Text;
        var nothing = _chat.Reply(Salek, "/evidence C-0042");

        Assert.Equal("Waiting for files for 5 min. Photos are best sent as files (📎 → File).", waiting);
        Assert.StartsWith("Saved: 'photo-", answer, StringComparison.Ordinal);
        Assert.Contains($"checksum {Sha256}\nThe photo was compressed; the original is best sent as a file (📎 → File).", answer, StringComparison.Ordinal);
        Assert.Equal("Number C-0042 not found. The file was not saved.", nothing);
        Assert.Empty(ForbiddenWords.UnderCover(waiting + answer)); // the other answer repeats only the number typed
    }

    public static TheoryData<string> NotTheSubjectsOpenCase => new() { "resolved", "duress", "none" };

    [Theory]
    [MemberData(nameof(NotTheSubjectsOpenCase))]
    public void The_subject_on_a_closed_or_duress_case_or_none_hears_nothing_found_and_nothing_is_recorded(string which)
    {
        var typed = which == "none" ? "C-0042" : OpenCaseWorld.CaseId;
        if (which == "resolved")
        {
            _w.Act("Nina", (db, nina) => CloseCase.Run(db, nina, OpenCaseWorld.CaseId, CaseOutcome.Safe, "", _w.World.Now, OwedDeadlines.ResumeAfterResolution));
        }
        else if (which == "duress")
        {
            _w.World.Run(db =>
            {
                var @case = db.Cases.Find(OpenCaseWorld.CaseId)!;
                @case.IsDuress = true;
                db.Cases.Save(@case);
            });
        }

        _chat.Tick(TimeSpan.Zero);
        var evidenceBefore = _w.Case.Timeline.Count(e => e.Kind == CaseEntryKind.Evidence);

        var afterCommand = _chat.Reply(Salek, "/evidence " + typed);
        var afterFile = Assert.Single(_chat.Send(File(Salek, caption: "/evidence " + typed)), a => a.ChatId == Salek.ChatId).Text;

        Assert.Equal($"Nothing found under {typed}. The file was not kept.", afterCommand);
        Assert.Equal(afterCommand, afterFile);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
        Assert.Null(_w.World.Person(Salek.Id).EvidenceCaseId);
        Assert.Equal(evidenceBefore, _w.Case.Timeline.Count(e => e.Kind == CaseEntryKind.Evidence));
    }

    [Fact]
    public void Another_subjects_try_on_the_case_hears_nothing_found_and_is_logged_in_the_case()
    {
        var dana = _w.World.Subject(Person("Zoe"), "Dana");

        var answer = _chat.Reply(dana, "/evidence C-0001");

        Assert.StartsWith("Nothing found under C-0001", TextCatalogue.Format(Language.En, TextId.EvidenceNotFoundSubject, "C-0001"), StringComparison.Ordinal);
        Assert.Equal(TextCatalogue.Format(dana.Language, TextId.EvidenceNotFoundSubject, "C-0001"), answer);
        Assert.Contains(_w.Case.Timeline, e => e.Kind == CaseEntryKind.AccessRefused && e.PersonId == dana.Id);
    }

    [Fact]
    public void A_subjects_file_naming_no_case_is_answered_as_before_and_not_recorded()
    {
        var answer = Assert.Single(_chat.Send(File(Salek, caption: null)), a => a.ChatId == Salek.ChatId).Text;

        Assert.Equal(TextCatalogue.Format(Language.En, TextId.OnlyText), answer);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
    }

    [Fact]
    public async Task A_file_in_reply_to_a_case_alert_is_evidence_for_that_case()
    {
        var nina = Person("Nina");
        var alertId = _w.Case.Timeline.Last(e => e.Kind == CaseEntryKind.AlertDelivered && e.PersonId == nina.Id).MessageId!.Value is var m ? (int)m : 0;

        Assert.Empty(_chat.Send(File(nina, caption: null, replyTo: alertId)));
        await _downloader.PassAsync(CancellationToken.None);
        var answer = Assert.Single(_chat.Tick(TimeSpan.Zero), a => a.ChatId == nina.ChatId).Text;

        Assert.Equal($"Case C-0001: the file 'protocol.pdf' ({Pdf.Length} bytes) is kept. SHA-256: {Sha256}", answer);
        var entry = CaseLogEntry.Parse(_w.World.Run(db => db.CaseLog.Entries(OpenCaseWorld.CaseId))[^1]);
        Assert.Equal((CaseLogKinds.Evidence, new LogParty("coordinator", "Nina")), (entry.Kind, entry.Actor));
    }

    [Fact]
    public async Task A_file_in_reply_to_a_case_answer_or_to_the_kept_answer_goes_to_that_case()
    {
        var lev = Person("Lev");
        var view = Assert.Single(_chat.Say(lev, "/case C-0001"));

        _chat.Send(File(lev, caption: null, replyTo: view.Sent.MessageId));
        await _downloader.PassAsync(CancellationToken.None);
        var kept = Assert.Single(_chat.Tick(TimeSpan.Zero), a => a.ChatId == lev.ChatId);
        _chat.Send(File(lev, caption: null, replyTo: kept.Sent.MessageId, content: [.. Pdf, (byte)'!']));
        await _downloader.PassAsync(CancellationToken.None);
        _chat.Tick(TimeSpan.Zero);

        Assert.Equal(2, _w.Case.Timeline.Count(e => e.Kind == CaseEntryKind.Evidence && e.PersonId == lev.Id));
    }

    [Fact]
    public async Task The_subject_replying_to_their_kept_answer_files_more_on_the_same_case()
    {
        _chat.Reply(Salek, "/evidence C-0001");
        _chat.Send(File(Salek, caption: null));
        await _downloader.PassAsync(CancellationToken.None);
        var kept = Assert.Single(_chat.Tick(TimeSpan.Zero), a => a.ChatId == Salek.ChatId);
        _w.World.Time.Advance(EvidenceMessages.Window + TimeSpan.FromMinutes(1)); // the window is over: only the reply names the case

        _chat.Send(File(Salek, caption: null, replyTo: kept.Sent.MessageId, content: [.. Pdf, (byte)'!']));
        await _downloader.PassAsync(CancellationToken.None);
        _chat.Tick(TimeSpan.Zero);

        Assert.Equal(2, _w.Case.Timeline.Count(e => e.Kind == CaseEntryKind.Evidence && e.PersonId == Salek.Id));
    }

    [Fact]
    public void A_reply_to_a_message_about_no_case_is_answered_as_a_bare_file()
    {
        var lev = Person("Lev");
        var help = Assert.Single(_chat.Say(lev, "/help"));

        var answer = Assert.Single(_chat.Send(File(lev, caption: null, replyTo: help.Sent.MessageId)), a => a.ChatId == lev.ChatId).Text;

        Assert.StartsWith("To keep a file with a case, send /evidence C-0042 first", answer, StringComparison.Ordinal);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
    }

    [Fact]
    public void A_reply_is_mapped_by_chat_and_message_id_never_by_the_replied_text()
    {
        // Mark is on no case of Salek's: he replies with Nina's alert id in his own chat, to a message whose (forwarded,
        // edited) text names C-0001. Nothing maps it: his chat never had that message from the bot.
        var mark = Person("Mark");
        var nina = Person("Nina");
        var alertId = _w.Case.Timeline.Last(e => e.Kind == CaseEntryKind.AlertDelivered && e.PersonId == nina.Id).MessageId!.Value is var m ? (int)m : 0;
        var update = File(mark, caption: null, replyTo: alertId);
        update.Message!.ReplyToMessage!.Text = "🚨 Case C-0001: Salek missed a check-in";

        var answer = Assert.Single(_chat.Send(update), a => a.ChatId == mark.ChatId).Text;

        Assert.StartsWith("To keep a file with a case, send /evidence C-0042 first", answer, StringComparison.Ordinal);
        Assert.Empty(_w.World.Run(db => db.EvidenceIntake.All()));
        Assert.DoesNotContain(_w.Case.Timeline, e => e.PersonId == mark.Id);
    }

    [Fact]
    public void A_purged_case_leaves_no_reply_mapping()
    {
        var nina = Person("Nina");
        var alertId = _w.Case.Timeline.Last(e => e.Kind == CaseEntryKind.AlertDelivered && e.PersonId == nina.Id).MessageId!.Value is var m ? (int)m : 0;
        Assert.NotNull(_w.World.Run(db => db.CaseReplies.Find(nina.ChatId, alertId)));

        var deleted = _w.World.Run(db => db.CaseReplies.Delete(OpenCaseWorld.CaseId));

        Assert.True(deleted > 0);
        Assert.Null(_w.World.Run(db => db.CaseReplies.Find(nina.ChatId, alertId)));
    }

    private Update File(Person from, string? caption, int? replyTo = null, FakeFileShape shape = FakeFileShape.Document, byte[]? content = null)
    {
        var update = _server.EnqueueFileFromUser(from.TelegramUserId, shape, content ?? Pdf, "protocol.pdf", "application/pdf", caption: caption, date: _w.World.Now);
        if (replyTo is { } id)
        {
            update.Message!.ReplyToMessage = new Message { Id = id, Chat = update.Message.Chat, Date = _w.World.Now.UtcDateTime };
        }

        return update;
    }

    private int OthersTold() => OpenCaseWorld.Everyone.Where(n => n != "Salek").Sum(n => _chat.MessagesTo(Person(n)).Count);
}
