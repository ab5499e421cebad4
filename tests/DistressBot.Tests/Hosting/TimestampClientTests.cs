using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using DistressBot.Evidence;
using DistressBot.Hosting;
using DistressBot.Tests.Fakes;

namespace DistressBot.Tests.Hosting;

/// <summary>The local RFC 3161 authority (openssl ts -reply), started once for these tests.</summary>
public sealed class TimestampAuthorityFixture : IAsyncLifetime
{
    public FakeTimestampAuthority Authority { get; private set; } = null!;

    public async Task InitializeAsync() => Authority = await FakeTimestampAuthority.StartAsync();

    public async Task DisposeAsync() => await Authority.DisposeAsync();
}

/// <summary>TimestampClient and TimestampToken against a local timestamp authority run by openssl: tokens granted, checked, and refused when they do not fit.</summary>
public sealed class TimestampClientTests(TimestampAuthorityFixture fixture) : IClassFixture<TimestampAuthorityFixture>, IDisposable
{
    private static readonly byte[] Note = "distressbot-0a1b2c3d/C-0042\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u2014 distressbot-0a1b2c3d AAAAAAAA\n"u8.ToArray();

    private readonly EvidenceClientsHarness _clients = new();

    private FakeTimestampAuthority Tsa => fixture.Authority;

    public void Dispose() => _clients.Dispose();

    [Fact]
    public async Task RequestAsync_LocalAuthority_GrantsATokenForTheBytes_WithItsTimeAndName()
    {
        var outcome = await _clients.Timestamps.RequestAsync(Tsa.Url, Note, CancellationToken.None);

        var granted = Assert.IsType<TimestampGranted>(outcome);
        Assert.Equal("CN=DistressBot test TSA", granted.Authority);
        var check = TimestampToken.Verify(granted.Token, Note);
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(granted.GenTime, check.GenTime);
        Assert.Contains(_clients.Logs, l => l.EventId == 3513);
        Assert.DoesNotContain(_clients.Logs, l => l.EventId == 3514);
    }

    [Fact]
    public async Task Token_PinnedToTheTsaOrItsCa_Verifies()
    {
        var granted = Assert.IsType<TimestampGranted>(await _clients.Timestamps.RequestAsync(Tsa.Url, Note, CancellationToken.None));
        using var tsaCertificate = Tsa.TsaCertificate();
        using var caCertificate = Tsa.CaCertificate();

        Assert.True(TimestampToken.Verify(granted.Token, Note, tsaCertificate).IsValid);
        Assert.True(TimestampToken.Verify(granted.Token, Note, caCertificate).IsValid);
        Assert.IsType<TimestampGranted>(await _clients.Timestamps.RequestAsync(Tsa.Url, Note, caCertificate, CancellationToken.None));
    }

    [Fact]
    public async Task Token_ForOtherBytes_IsRefused_SayingSo()
    {
        var granted = Assert.IsType<TimestampGranted>(await _clients.Timestamps.RequestAsync(Tsa.Url, Note, CancellationToken.None));
        var other = (byte[])Note.Clone();
        other[^3] ^= 1;

        var check = TimestampToken.Verify(granted.Token, other);

        Assert.False(check.IsValid);
        Assert.Contains("other bytes", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_Tampered_IsRefused()
    {
        var granted = Assert.IsType<TimestampGranted>(await _clients.Timestamps.RequestAsync(Tsa.Url, Note, CancellationToken.None));
        var tampered = (byte[])granted.Token.Clone();
        tampered[^1] ^= 1; // the last byte belongs to the signature

        Assert.False(TimestampToken.Verify(tampered, Note).IsValid);
        Assert.False(TimestampToken.Verify(granted.Token[..^1], Note).IsValid);
        Assert.False(TimestampToken.Verify([0x30, 0x00], Note).IsValid);
    }

    [Fact]
    public async Task Token_GenTimeChanged_IsRefused()
    {
        var granted = Assert.IsType<TimestampGranted>(await _clients.Timestamps.RequestAsync(Tsa.Url, Note, CancellationToken.None));
        var genTime = System.Text.Encoding.ASCII.GetBytes(granted.GenTime.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var at = granted.Token.AsSpan().IndexOf(genTime);
        Assert.True(at > 0, "genTime found in the token");
        var tampered = (byte[])granted.Token.Clone();
        tampered[at + 3] = (byte)(tampered[at + 3] == '9' ? '8' : tampered[at + 3] + 1); // another year

        Assert.False(TimestampToken.Verify(tampered, Note).IsValid);
    }

    [Fact]
    public async Task Token_PinnedToAnotherCertificate_IsRefused_NamingTheAuthority()
    {
        var granted = Assert.IsType<TimestampGranted>(await _clients.Timestamps.RequestAsync(Tsa.Url, Note, CancellationToken.None));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var stranger = new CertificateRequest("CN=Another TSA", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var check = TimestampToken.Verify(granted.Token, Note, stranger);

        Assert.False(check.IsValid);
        Assert.Equal("CN=DistressBot test TSA", check.Authority);
        Assert.Contains("pinned", check.Problem, StringComparison.Ordinal);
        var viaClient = Assert.IsType<TimestampFailed>(await _clients.Timestamps.RequestAsync(Tsa.Url, Note, stranger, CancellationToken.None));
        Assert.Equal(TimestampFailureKind.BadReply, viaClient.Kind);
    }

    [Fact]
    public async Task RequestAsync_ReplayedReplyOfAnotherRequest_IsABadReply_NotAToken()
    {
        var earlier = TimestampToken.CreateRequest(Note);
        using var http = new HttpClient();
        using var body = new ByteArrayContent(earlier.Encoded);
        body.Headers.ContentType = new MediaTypeHeaderValue(TimestampToken.RequestMediaType);
        using var answer = await http.PostAsync(Tsa.Url, body);
        var reply = await answer.Content.ReadAsByteArrayAsync();
        await using var replaying = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = TimestampToken.ReplyMediaType;
            await ctx.Response.Body.WriteAsync(reply);
        });

        var outcome = await _clients.Timestamps.RequestAsync(replaying.BaseUrl, Note, CancellationToken.None);

        var failed = Assert.IsType<TimestampFailed>(outcome);
        Assert.Equal(TimestampFailureKind.BadReply, failed.Kind); // same bytes, but another nonce
        Assert.False(failed.Transient);
        Assert.NotNull(TimestampToken.ReadReply(earlier, reply)); // the reply itself was a good one for its own request
    }

    [Fact]
    public async Task RequestAsync_ServerError_IsTransient_AndRefusalIsNot()
    {
        await using var failing = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = ctx.Request.Path == "/busy" ? 503 : 400;
            return Task.CompletedTask;
        });

        var busy = Assert.IsType<TimestampFailed>(await _clients.Timestamps.RequestAsync(new Uri(failing.BaseUrl, "busy"), Note, CancellationToken.None));
        var refused = Assert.IsType<TimestampFailed>(await _clients.Timestamps.RequestAsync(new Uri(failing.BaseUrl, "other"), Note, CancellationToken.None));

        Assert.Equal((TimestampFailureKind.ServerError, 503, true), (busy.Kind, busy.Status, busy.Transient));
        Assert.Equal((TimestampFailureKind.Refused, 400, false), (refused.Kind, refused.Status, refused.Transient));
        Assert.Equal(2, _clients.Logs.Count(l => l.EventId == 3514));
    }

    [Fact]
    public async Task RequestAsync_AuthorityDown_IsATransientNetworkFailure()
    {
        var server = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        var url = server.BaseUrl;
        await server.DisposeAsync();

        var failed = Assert.IsType<TimestampFailed>(await _clients.Timestamps.RequestAsync(url, Note, CancellationToken.None));

        Assert.Equal(TimestampFailureKind.Network, failed.Kind);
        Assert.True(failed.Transient);
    }

    [Fact]
    public void CreateRequest_AsksForSha256OfTheBytes_WithANonceAndTheCertificate()
    {
        var request = TimestampToken.CreateRequest(Note);

        Assert.True(Rfc3161TimestampRequest.TryDecode(request.Encoded, out var decoded, out var consumed));
        Assert.True(Rfc3161TimestampRequest.TryDecode(TimestampToken.CreateRequest(Note).Encoded, out var another, out _));
        Assert.Equal(request.Encoded.Length, consumed);
        Assert.Equal("2.16.840.1.101.3.4.2.1", decoded!.HashAlgorithmId.Value);
        Assert.Equal(SHA256.HashData(Note), decoded.GetMessageHash().ToArray());
        Assert.True(decoded.RequestSignerCertificate);
        Assert.Equal(8, decoded.GetNonce()!.Value.Length);
        Assert.NotEqual(decoded.GetNonce()!.Value.ToArray(), another!.GetNonce()!.Value.ToArray());
    }
}
