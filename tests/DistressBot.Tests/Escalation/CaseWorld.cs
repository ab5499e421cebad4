using DistressBot.Checkins;
using DistressBot.Domain;
using DistressBot.Escalation;
using DistressBot.Hosting;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>
/// One subject, Salek, with coordinators Nina and Olga (level 1) and backup coordinator Boris (level 2), all reading English
/// in Moscow time, over the in-memory session; and a dispatcher's send step without Telegram (<see cref="Deliver"/>).
/// </summary>
internal sealed class CaseWorld
{
    /// <summary>11:30 UTC, 14:30 Moscow: when Salek's 14:00 deadline and its 30 minutes' grace have passed.</summary>
    public static readonly DateTimeOffset Opening = new(2026, 11, 2, 11, 30, 0, TimeSpan.Zero);

    private int _telegramIds = 100;

    public CaseWorld()
    {
        Db = new DataSession(new InMemoryRecordSession(), PlainCrypto.Context);
        Nina = Enrol("p1", 101, "Nina", Role.Coordinator);
        Olga = Enrol("p2", 102, "Olga", Role.Coordinator);
        Boris = Enrol("p3", 103, "Boris", Role.Coordinator);
        Salek = Enrol("p4", 201, "Salek", Role.Subject);
        Salek.CoordinatorIds.AddRange([Nina.Id, Olga.Id]);
        Salek.BackupCoordinatorIds.Add(Boris.Id);
        Salek.Checkin = new CheckinState
        {
            Schedule = Schedule.Interval(TimeSpan.FromHours(2), TimeSpan.FromMinutes(30)),
            ScheduleSetAt = Opening - TimeSpan.FromMinutes(150),
            OwedDeadline = Opening - TimeSpan.FromMinutes(30),
        };
        Db.Save(Salek);
        Nina.SubjectIds.Add(Salek.Id);
        Olga.SubjectIds.Add(Salek.Id);
        Boris.BackupSubjectIds.Add(Salek.Id);
        Db.Save(Nina);
        Db.Save(Olga);
        Db.Save(Boris);
    }

    public static BotRules Rules { get; } = new BotSettings().ToRules();

    public DataSession Db { get; }

    public Person Nina { get; }

    public Person Olga { get; }

    public Person Boris { get; }

    public Person Salek { get; }

    /// <summary>Salek misses 14:00 Moscow: the deadline monitor's step at <see cref="Opening"/> opens C-0001.</summary>
    public Case Miss()
    {
        DeadlineProcessor.Process(Db, Salek.Id, Opening, Rules);
        return Case();
    }

    /// <summary>C-0001 as stored.</summary>
    public Case Case() => Db.Case("C-0001") ?? throw new InvalidOperationException("No case C-0001.");

    /// <summary>The person as stored now.</summary>
    public Person Fresh(Person person) => Db.Person(person.Id)!;

    /// <summary>Queued rows for <paramref name="person"/>.</summary>
    public List<OutgoingMessage> Queued(Person person) => [.. Db.Outbox().Where(m => m.PersonId == person.Id)];

    /// <summary>
    /// What the dispatcher does at <paramref name="now"/> when Telegram accepts everything: every due row in send order,
    /// its words chosen as it goes; rows for <paramref name="unreachable"/> stay queued. Returns what was sent or edited.
    /// </summary>
    public List<Sent> Deliver(DateTimeOffset now, params Person[] unreachable)
    {
        var sent = new List<Sent>();
        var skip = unreachable.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        while (Db.Outbox().Where(m => !skip.Contains(m.PersonId ?? "")).OrderBy(m => m.Priority).ThenBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault() is { } row)
        {
            var (ready, _) = CaseMessages.Prepare(Db, row.Id, now);
            if (ready is null)
            {
                continue;
            }

            Db.RemoveFromOutbox(row.Id);
            if (row.EditMessageId is { } edited)
            {
                CaseMessages.Edited(Db, row, ready);
                sent.Add(new Sent(row, ready, edited));
            }
            else
            {
                var id = ++_telegramIds;
                CaseMessages.Delivered(Db, row, ready, id, now);
                sent.Add(new Sent(row, ready, id));
            }
        }

        return sent;
    }

    private Person Enrol(string id, long telegramId, string name, Role role)
    {
        var person = new Person
        {
            Id = id,
            Role = role,
            TelegramUserId = telegramId,
            ChatId = telegramId,
            Name = name,
            Language = Language.En,
            TimeZone = "Europe/Moscow",
        };
        Db.Save(person);
        return person;
    }

    /// <summary>A message the fake dispatcher sent (or an edit it made) with Telegram's message id.</summary>
    public sealed record Sent(OutgoingMessage Row, ReadyMessage Ready, int MessageId)
    {
        public bool IsEdit => Row.EditMessageId is not null;
    }
}
