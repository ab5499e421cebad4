using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Localization;
using DistressBot.Messages;
using DistressBot.Tests.Fakes;
using DistressBot.Tests.Localization;

namespace DistressBot.Tests.Messages;

/// <summary>Cover wording is one second wording in the renderer: chosen by the reader, at send time, for subjects only.</summary>
public sealed class CoverWordingTests
{
    /// <summary>Every text a subject can receive, in both languages.</summary>
    public static TheoryData<TextId, Language> SubjectTextsInBothLanguages()
    {
        var data = new TheoryData<TextId, Language>();
        foreach (var id in Enum.GetValues<TextId>().Where(TextAudience.ReachesSubjects))
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                data.Add(id, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SubjectTextsInBothLanguages))]
    public void Render_EachSubjectText_CoverReadsLikeAnAppAndPlainNamesNoHelperOrAlarm(TextId id, Language language)
    {
        var text = new MessageText(id, [.. Enumerable.Range(0, MessageText.ArgumentsOf(id)).Select(i => (object?)("«" + i + "»"))]);

        var cover = Wording.Render(text, new Reader(language, "UTC", TextVoice.Cover));
        var plain = Wording.Render(text, new Reader(language, "UTC"));

        Assert.Empty(ForbiddenWords.UnderCover(cover));
        Assert.Empty(ForbiddenWords.InAnyWording(plain));
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, TextCatalogue.Template(id, language), text.Args.Select(a => (object?)a.Verbatim).ToArray()), plain);
        if (CoverCatalogue.Reworded.Contains(id))
        {
            Assert.NotEqual(plain, cover);
        }

        for (var i = 0; i < text.Args.Count; i++)
        {
            Assert.Contains("«" + i + "»", cover, StringComparison.Ordinal); // the cover words carry every value the plain ones do
        }
    }

    [Theory]
    [InlineData(false, false, TextVoice.Plain)]
    [InlineData(true, false, TextVoice.Cover)]
    [InlineData(false, true, TextVoice.Cover)]
    [InlineData(true, true, TextVoice.Cover)]
    public void ReaderOf_Subject_CoverWhenTheirSwitchOrTheDeploymentSaysSo(bool own, bool deployment, TextVoice expected)
    {
        var w = new DomainWorld();
        var salek = w.Subject(w.Coordinator());
        salek.CoverWording = own;

        Assert.Equal(expected, Reader.Of(salek, deployment).Voice);
    }

    [Fact]
    public void ReaderOf_CoordinatorUnderDeploymentCover_StaysPlain()
    {
        var w = new DomainWorld();
        var nina = w.Coordinator();
        nina.CoverWording = true;

        Assert.Equal(TextVoice.Plain, Reader.Of(nina, coverAll: true).Voice);
    }

    [Fact]
    public void Prepare_ReminderToACoverSubject_NeutralTextAndButton_WhileAnotherSubjectReadsPlain()
    {
        var w = new DomainWorld();
        var nina = w.Coordinator();
        var salek = w.Subject(nina, "Salek");
        var dana = w.Subject(nina, "Dana");
        SetPerson(w, salek, p => p.CoverWording = true);
        foreach (var subject in new[] { salek, dana })
        {
            w.Run(db => SetSchedule.Run(db, db.People.Find(subject.Id)!, "every 1h grace 10m", w.Now, w.Rules));
        }

        w.Deliver(w.Now);
        w.Time.Advance(TimeSpan.FromHours(1));
        foreach (var subject in new[] { salek, dana })
        {
            w.Run(db => DeadlineProcessor.Process(db, subject.Id, w.Now, w.Rules));
        }

        var sent = w.Deliver(w.Now);

        var toSalek = Assert.Single(sent, s => s.Row.PersonId == salek.Id).Ready;
        var toDana = Assert.Single(sent, s => s.Row.PersonId == dana.Id).Ready;
        Assert.StartsWith("It is time: tap Done by ", toSalek.Text, StringComparison.Ordinal);
        Assert.Equal(["✅ Done"], toSalek.ReplyButtons);
        Assert.StartsWith("Your check-in is due now.", toDana.Text, StringComparison.Ordinal);
        Assert.Equal(["✅ Check in"], toDana.ReplyButtons);
    }

    [Fact]
    public void Prepare_ButtonLabel_FollowsTheWordingAtSendTimeNotWhenQueued()
    {
        var w = new DomainWorld();
        var salek = w.Subject(w.Coordinator());
        w.Run(db => SetSchedule.Run(db, db.People.Find(salek.Id)!, "every 1h grace 10m", w.Now, w.Rules));
        w.Deliver(w.Now);
        w.Time.Advance(TimeSpan.FromHours(1));
        w.Run(db => DeadlineProcessor.Process(db, salek.Id, w.Now, w.Rules));

        SetPerson(w, salek, p => p.CoverWording = true); // switched on while the reminder waited
        var reminder = Assert.Single(w.Deliver(w.Now)).Ready;

        Assert.Equal(["✅ Done"], reminder.ReplyButtons);
        Assert.Empty(ForbiddenWords.UnderCover(reminder.Text));
    }

    [Fact]
    public void Prepare_RowQueuedWithFinalButtonLabels_KeepsThem()
    {
        var w = new DomainWorld();
        var salek = w.Subject(w.Coordinator());
        w.Run(db => db.Outbox.Enqueue(new OutgoingMessage
        {
            ChatId = salek.ChatId,
            PersonId = salek.Id,
            Priority = MessagePriority.Reminder,
            Text = "",
            Content = MessageContent.Of(TextId.ReminderAtDeadline, w.Now),
            ReplyButtons = ["✅ Отметиться"], // an earlier version's row
        }));

        var reminder = Assert.Single(w.Deliver(w.Now)).Ready;

        Assert.Equal(["✅ Отметиться"], reminder.ReplyButtons);
    }

    [Fact]
    public void Prepare_DeploymentCover_CoordinatorsStillReadPlainAlerts()
    {
        var w = new DomainWorld(rules: DomainWorld.TestRules() with { CoverWording = true });
        var nina = w.Coordinator();
        var salek = w.Subject(nina);
        w.Run(db => SetSchedule.Run(db, db.People.Find(salek.Id)!, "every 1h grace 10m", w.Now, w.Rules));
        w.Deliver(w.Now);
        w.Time.Advance(TimeSpan.FromMinutes(71));

        w.MissDeadline(salek);
        var sent = w.Deliver(w.Now);

        Assert.Contains(sent, s => s.Row.PersonId == nina.Id && s.Ready.Text.Contains("missed a check-in", StringComparison.Ordinal));
        Assert.All(sent.Where(s => s.Row.PersonId == salek.Id), s => Assert.Empty(ForbiddenWords.UnderCover(s.Ready.Text)));
    }

    private static void SetPerson(DomainWorld w, Person person, Action<Person> change) => w.Run(db =>
    {
        var stored = db.People.Find(person.Id)!;
        change(stored);
        db.People.Save(stored);
    });
}
