using System.Security.Cryptography;
using System.Text;
using DistressBot.Evidence;
using Microsoft.AspNetCore.Http;
using NSec.Cryptography;

namespace DistressBot.Tests.Fakes;

/// <summary>
/// A C2SP tlog-witness on 127.0.0.1 with its own Ed25519 key: trusts one log key (origins "keyname/…"), keeps the latest
/// size and root per origin, checks the signature, the old size (409 with its size) and the consistency proof (422),
/// and answers with a cosignature/v1 line. State changes under one lock, as the spec asks.
/// </summary>
public sealed class FakeWitness : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly NoteVerifier _log;
    private readonly Key _key;
    private readonly uint _keyId;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ulong Size, byte[] Root)> _latest = new(StringComparer.Ordinal);
    private int _requests;

    private FakeWitness(LoopbackServer server, NoteVerifier log, Key key, string name, TimeProvider time)
    {
        _server = server;
        _log = log;
        _key = key;
        _time = time;
        Name = name;
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var id = SHA256.HashData([.. Encoding.UTF8.GetBytes(name), 0x0A, 0x04, .. publicKey]);
        _keyId = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(id);
        VerifierKey = $"{name}+{_keyId:x8}+{Convert.ToBase64String([0x04, .. publicKey])}";
    }

    /// <summary>The witness's key name.</summary>
    public string Name { get; }

    /// <summary>The witness's verifier key (type 0x04), for Evidence:WitnessKey.</summary>
    public string VerifierKey { get; }

    /// <summary>The submission prefix, for Evidence:WitnessUrl.</summary>
    public Uri Prefix => _server.BaseUrl;

    /// <summary>Requests that reached the handler.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts a witness trusting the log key <paramref name="logVerifierKey"/> (a signed-note vkey).</summary>
    public static async Task<FakeWitness> StartAsync(string logVerifierKey, string name = "witness.test/w1", TimeProvider? time = null)
    {
        var log = NoteVerifier.Parse(logVerifierKey);
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        FakeWitness? witness = null;
        var server = await LoopbackServer.StartAsync(ctx => witness!.HandleAsync(ctx));
        witness = new FakeWitness(server, log, key, name, time ?? TimeProvider.System);
        return witness;
    }

    /// <summary>The size the witness last cosigned for <paramref name="origin"/>; null when never.</summary>
    public ulong? SizeOf(string origin)
    {
        lock (_gate)
        {
            return _latest.TryGetValue(origin, out var latest) ? latest.Size : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (context.Request.Method != "POST" || !context.Request.Path.Value!.EndsWith("/" + WitnessProtocol.AddCheckpointPath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        using var reader = new StreamReader(context.Request.Body, new UTF8Encoding(false));
        var (status, mediaType, body) = Answer(await reader.ReadToEndAsync());
        context.Response.StatusCode = status;
        if (mediaType is not null)
        {
            context.Response.ContentType = mediaType;
        }

        await context.Response.WriteAsync(body);
    }

    private (int Status, string? MediaType, string Body) Answer(string body)
    {
        AddCheckpointRequest request;
        Checkpoint checkpoint;
        try
        {
            request = WitnessProtocol.ParseAddCheckpoint(body);
            checkpoint = Checkpoint.Parse(SignedNote.Parse(request.Note).Text);
        }
        catch (FormatException)
        {
            return (400, null, "malformed\n");
        }

        if (!checkpoint.Origin.StartsWith(_log.KeyName + "/", StringComparison.Ordinal))
        {
            return (404, null, "unknown log\n");
        }

        if (!_log.TryOpen(request.Note, out var text))
        {
            return (403, null, "no trusted signature\n");
        }

        if (request.OldSize > checkpoint.TreeSize || (request.OldSize == 0 && request.Proof.Count > 0))
        {
            return (400, null, "bad old size or proof\n");
        }

        lock (_gate)
        {
            var (knownSize, knownRoot) = _latest.TryGetValue(checkpoint.Origin, out var latest) ? latest : (0UL, MerkleTree.EmptyRoot());
            if (request.OldSize != knownSize)
            {
                return (409, WitnessProtocol.SizeMediaType, WitnessProtocol.SizeBody(knownSize));
            }

            if (request.OldSize == checkpoint.TreeSize && !knownRoot.AsSpan().SequenceEqual(checkpoint.RootHash))
            {
                return (409, WitnessProtocol.SizeMediaType, WitnessProtocol.SizeBody(knownSize));
            }

            if (request.OldSize > 0 && request.OldSize < checkpoint.TreeSize
                && !MerkleTree.VerifyConsistency(request.OldSize, checkpoint.TreeSize, request.Proof, knownRoot, checkpoint.RootHash))
            {
                return (422, null, "consistency proof does not verify\n");
            }

            _latest[checkpoint.Origin] = (checkpoint.TreeSize, checkpoint.RootHash);
        }

        var time = (ulong)_time.GetUtcNow().ToUnixTimeSeconds();
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Cosignature.SignedMessage(time, text!));
        return (200, "text/plain", Cosignature.Create(Name, _keyId, time, signature) + "\n");
    }
}
