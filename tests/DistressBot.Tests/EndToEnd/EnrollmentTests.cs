using DistressBot.Telegram.FakeApi;

namespace DistressBot.Tests.EndToEnd;

public sealed class EnrollmentTests
{
    [Fact]
    public async Task Invite_Coordinator_PrintsOnlyTheCodeOnStdout()
    {
        await using var s = await Scenario.StartAsync();

        var result = await s.AdminAsync("invite", "coordinator", "--name", "Nina");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches("^[0-9A-Z]{20}\n$", result.Output);
        Assert.Contains("/start", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithCoordinatorCode_EnrolsByNumericId()
    {
        await using var s = await Scenario.StartAsync();

        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");

        var help = await s.SayAsync(Scenario.Nina, "/help", "/invite");
        Assert.Contains("/subjects", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/checkin", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithSubjectCode_EnrolsSubjectAndTellsCoordinator()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");

        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");

        await s.ExpectAsync(Scenario.Nina, "Salek has joined");
        var help = await s.SayAsync(Scenario.Salek, "/help", "/checkin");
        Assert.DoesNotContain("/invite", help, StringComparison.Ordinal);
        Assert.DoesNotContain(s.MessagesTo(Scenario.Salek), m => m.Contains("Salek", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithUsedCode_GetsOnlyTheNeutralLineAndEnrolsNobody()
    {
        await using var s = await Scenario.StartAsync();
        var code = (await s.AdminAsync("invite", "coordinator", "--name", "Nina")).Output.Trim();
        await s.SayAsync(Scenario.Nina, "/start " + code, "coordinator");

        var reply = await s.SayAsync(Scenario.Olga, "/start " + code);

        Assert.Equal("Бот недоступен.", reply);
        Assert.Contains("Enrollment codes that did not work: 1,", (await s.AdminAsync("people")).Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Olga", (await s.AdminAsync("people")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithExpiredCode_GetsOnlyTheNeutralLine()
    {
        await using var s = await Scenario.StartAsync();
        var code = (await s.AdminAsync("invite", "coordinator", "--name", "Nina")).Output.Trim();

        s.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var reply = await s.SayAsync(Scenario.Nina, "/start " + code);

        Assert.Equal("This bot is not available.", reply);
    }

    [Fact]
    public async Task Start_WithCodeTypedLoosely_IsAccepted()
    {
        await using var s = await Scenario.StartAsync();
        var code = (await s.AdminAsync("invite", "coordinator", "--name", "Nina")).Output.Trim();
        var typed = string.Join('-', code.ToLowerInvariant().Chunk(5).Select(c => new string(c)));

        var reply = await s.SayAsync(Scenario.Nina, "/start " + typed);

        Assert.Contains("coordinator", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_DuplicateAlias_IsRefused()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.SayAsync(Scenario.Nina, "/invite Salek", "/start ");

        var reply = await s.SayAsync(Scenario.Nina, "/invite salek");

        Assert.Contains("already have someone called", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_NamesInEveryScript_AreAcceptedAndFoundAsTyped()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");

        var hindi = await s.SayAsync(Scenario.Nina, "/invite राहुल", "/start ");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Nguy\u1EC5n");
        var plan = await s.SayAsync(Scenario.Nina, "/plan Nguye\u0302\u0303n\nCall her brother.", "saved");

        Assert.Contains("Code for राहुल", hindi, StringComparison.Ordinal);
        Assert.Contains("The plan for Nguy\u1EC5n is saved", plan, StringComparison.Ordinal);
        var missing = await s.SayAsync(Scenario.Nina, "/missing Nguye\u0302\u0303n  call, screaming", "opened about");
        Assert.Equal("C-0001 opened about Nguy\u1EC5n; coordinators and lawyers are alerted.", missing);
        Assert.DoesNotContain(s.MessagesTo(Scenario.Nina), m => m.Contains("You have nobody called", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invite_CyrillicLookAlikeOfOwnSubject_IsRefusedWithTheReason()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");

        var reply = await s.SayAsync(Scenario.Nina, "/invite \u0405alek");

        Assert.Contains("“\u0405alek” looks almost like “Salek”", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(s.MessagesTo(Scenario.Nina), m => m.Contains("Code for \u0405alek", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invite_AdminGivesALookAlikeOrAnUnknownRole_IsRefusedWithTheReasonAndNoCode()
    {
        await using var s = await Scenario.StartAsync();
        await s.AdminAsync("invite", "coordinator", "--name", "Nina");

        var lookAlike = await s.AdminAsync("invite", "coordinator", "--name", "\u039Dina"); // Greek capital Nu
        var role = await s.AdminAsync("invite", "admin", "--name", "Vera");

        Assert.Equal(1, lookAlike.ExitCode);
        Assert.Contains("looks almost like the coordinator 'Nina'", lookAlike.Error, StringComparison.Ordinal);
        Assert.Equal("", lookAlike.Output);
        Assert.Equal(2, role.ExitCode);
        Assert.Contains("Cannot invite someone as 'admin': only a coordinator or a lawyer.", role.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("a 'admin'", role.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_SameCoordinatorNameTwice_IsRefusedByAdmin()
    {
        await using var s = await Scenario.StartAsync();
        await s.AdminAsync("invite", "coordinator", "--name", "Nina");

        var again = await s.AdminAsync("invite", "coordinator", "--name", "nina");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal("", again.Output);
    }

    [Fact]
    public async Task Stranger_GetsTheSameNeutralLineForAnything_AtMostOnceAnHour()
    {
        await using var s = await Scenario.StartAsync();
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        var texts = new[] { "/start", "/help", "/checkin", "/subjects", "hello", "/start NOTACODE", "/start AAAAABBBBBCCCCCDDDDD" };

        // Each text is the first message of its own stranger, then all of them again from one stranger within the hour.
        var firstReplies = new List<string>();
        for (var i = 0; i < texts.Length; i++)
        {
            var stranger = new FakeUser(900 + i, "Who", "en");
            firstReplies.Add(await s.SayAsync(stranger, texts[i]));
        }

        await s.SayAsync(Scenario.Stranger, texts[0]);
        s.Advance(TimeSpan.FromMinutes(59));
        foreach (var text in texts.Skip(1))
        {
            s.Telegram.EnqueueMessage(Scenario.Stranger.Id, text, Scenario.Stranger);
        }

        await s.SettleAsync();
        var withinTheHour = s.MessagesTo(Scenario.Stranger);
        s.Advance(TimeSpan.FromMinutes(1));
        var anHourLater = await s.SayAsync(Scenario.Stranger, "hello again");

        Assert.All(firstReplies, r => Assert.Equal("This bot is not available.", r));
        Assert.Equal(["This bot is not available."], withinTheHour);
        Assert.Equal("This bot is not available.", anHourLater);
        Assert.All(s.MessagesTo(Scenario.Nina), m => Assert.DoesNotContain("Who", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assign_AddsSecondCoordinator_WhoIsAlertedToo()
    {
        await using var s = await Scenario.StartAsync(settings: new Dictionary<string, string?> { ["Checkins:ReminderLead"] = "00:00:00" });
        await s.EnrolCoordinatorAsync(Scenario.Nina, "Nina");
        await s.EnrolCoordinatorAsync(Scenario.Olga, "Olga");
        await s.EnrolSubjectAsync(Scenario.Nina, Scenario.Salek, "Salek");

        var assign = await s.AdminAsync("assign", "coordinator", "Olga", "--subject", "Salek");
        Assert.Equal(0, assign.ExitCode);
        await s.SayAsync(Scenario.Salek, "/schedule every 2h grace 30m", "Расписание");

        s.Advance(TimeSpan.FromHours(2.5));

        await s.ExpectAsync(Scenario.Nina, "missed a check-in");
        await s.ExpectAsync(Scenario.Olga, "не отметился");
    }
}
