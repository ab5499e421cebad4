using DistressBot.Cli;
using DistressBot.Domain;
using DistressBot.Evidence;
using DistressBot.Evidence.Verification;
using DistressBot.Localization;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Escalation;

/// <summary>/lawyerkey registers a lawyer's X25519 public key; their /export then comes only as a bundle sealed to it, which `distressbot open` turns into a zip that verifies.</summary>
public sealed class SealedExportTests
{
    [Fact]
    public void Lawyerkey_WithAPublicKey_KeepsIt_AndAnswersWithItsFingerprint()
    {
        var (chat, lev) = Lawyer();
        var publicKey = SealedBundle.PublicKeyOf(SealedBundle.NewPrivateKey());

        var reply = chat.Reply(lev, "/lawyerkey " + Convert.ToBase64String(publicKey));

        Assert.Equal(TextCatalogue.Format(lev.Language, TextId.LawyerKeySet, SealedBundle.Fingerprint(publicKey)), reply);
        Assert.Equal(publicKey, chat.World.Person(lev.Id).SealingKey);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("AAAA")] // base64, but 3 bytes
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // 32 bytes, but a low-order point no secret can be agreed with
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAh")] // 33 bytes
    public void Lawyerkey_WithWhatIsNotAPublicKey_SaysSo_AndKeepsTheKeyItHad(string word)
    {
        var (chat, lev) = Lawyer();
        var publicKey = SealedBundle.PublicKeyOf(SealedBundle.NewPrivateKey());
        chat.Say(lev, "/lawyerkey " + Convert.ToBase64String(publicKey));

        var reply = chat.Reply(lev, "/lawyerkey " + word);

        Assert.Equal(TextCatalogue.Format(lev.Language, TextId.LawyerKeyInvalid), reply);
        Assert.Equal(publicKey, chat.World.Person(lev.Id).SealingKey);
    }

    [Fact]
    public void Lawyerkey_Off_RemovesTheKey_AndThenSaysThereIsNone()
    {
        var (chat, lev) = Lawyer();
        chat.Say(lev, "/lawyerkey " + Convert.ToBase64String(SealedBundle.PublicKeyOf(SealedBundle.NewPrivateKey())));

        var removed = chat.Reply(lev, "/lawyerkey off");
        var again = chat.Reply(lev, "/lawyerkey OFF");

        Assert.Equal(TextCatalogue.Format(lev.Language, TextId.LawyerKeyRemoved), removed);
        Assert.Equal(TextCatalogue.Format(lev.Language, TextId.LawyerKeyNone), again);
        Assert.Null(chat.World.Person(lev.Id).SealingKey);
    }

    [Fact]
    public void Lawyerkey_FromACoordinator_IsNotTheirs_AndKeepsNothing()
    {
        var w = OpenCaseWorld.Start();
        var chat = new BotChat(w.World);
        var nina = w.World.Person(w.People["Nina"].Id);

        var reply = chat.Reply(nina, "/lawyerkey " + Convert.ToBase64String(SealedBundle.PublicKeyOf(SealedBundle.NewPrivateKey())));

        Assert.Equal(TextCatalogue.Format(nina.Language, TextId.NotForYourRole), reply);
        Assert.Null(w.World.Person(nina.Id).SealingKey);
    }

    [Fact]
    public void Export_ByALawyerWithAKey_SendsOnlyTheSealedBundle_WhichOpensToAZipThatVerifies()
    {
        var w = OpenCaseWorld.Start();
        var chat = new BotChat(w.World);
        var lev = w.World.Person(w.People["Lev"].Id);
        var privateKey = SealedBundle.NewPrivateKey();
        chat.Say(lev, "/lawyerkey " + Convert.ToBase64String(SealedBundle.PublicKeyOf(privateKey)));

        var delivered = chat.Say(w.World.Person(lev.Id), "/export C-0001");

        var document = Assert.Single(delivered, d => d.Sent.Ready.Document is not null).Sent.Ready.Document!;
        Assert.Equal("C-0001-bundle.zip.sealed", document.FileName);
        Assert.Contains(SealedBundle.Fingerprint(SealedBundle.PublicKeyOf(privateKey)), delivered.Single(d => d.Sent.Ready.Document is not null).Sent.Ready.Text, StringComparison.Ordinal);
        Assert.Equal("DBSEALED"u8.ToArray(), document.Content[..8].ToArray());
        var folder = Directory.CreateTempSubdirectory("distressbot-sealed-").FullName;
        try
        {
            var (sealedFile, keyFile, zip) = (Path.Combine(folder, document.FileName), Path.Combine(folder, "lawyer.key"), Path.Combine(folder, "bundle.zip"));
            File.WriteAllBytes(sealedFile, document.Content.ToArray());
            File.WriteAllText(keyFile, Convert.ToBase64String(privateKey) + "\n");

            var exit = OpenCommand.Run(new OpenOptions(sealedFile, keyFile, zip), TextWriter.Null, TextWriter.Null);

            Assert.Equal(0, exit);
            var verdict = BundleVerifier.Verify(zip);
            Assert.True(verdict.Verified, verdict.Describe(Language.En));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Export_ByALawyerWithoutAKey_StillSendsThePlainZip()
    {
        var w = OpenCaseWorld.Start();
        var chat = new BotChat(w.World);

        var delivered = chat.Say(w.World.Person(w.People["Lev"].Id), "/export C-0001");

        var document = Assert.Single(delivered, d => d.Sent.Ready.Document is not null).Sent.Ready.Document!;
        Assert.Equal("C-0001-bundle.zip", document.FileName);
        Assert.Equal("PK"u8.ToArray(), document.Content[..2].ToArray());
    }

    private static (BotChat Chat, Person Lev) Lawyer()
    {
        var w = OpenCaseWorld.Start();
        return (new BotChat(w.World), w.World.Person(w.People["Lev"].Id));
    }
}
