using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace DistressBot.Tests.Fakes;

/// <summary>
/// An RFC 3161 timestamp authority on 127.0.0.1 that answers each request by running `openssl ts -reply`, with a
/// throwaway CA and a TSA certificate (extendedKeyUsage critical, timeStamping) made by openssl in a temp folder at start.
/// </summary>
/// <remarks>Without /usr/bin/openssl, <see cref="StartAsync"/> throws with a clear message: a test that needs it fails, never passes silently.</remarks>
public sealed class FakeTimestampAuthority : IAsyncDisposable
{
    private const string OpenSsl = "/usr/bin/openssl";

    private readonly LoopbackServer _server;
    private readonly string _folder;
    private readonly SemaphoreSlim _one = new(1, 1); // openssl ts -reply rewrites its serial file
    private int _requests;

    private FakeTimestampAuthority(LoopbackServer server, string folder)
    {
        _server = server;
        _folder = folder;
    }

    /// <summary>The authority's URL, for Evidence:TimestampAuthorityUrl.</summary>
    public Uri Url => _server.BaseUrl;

    /// <summary>The PEM file of the TSA's own certificate.</summary>
    public string TsaCertificatePath => Path.Combine(_folder, "tsa.crt");

    /// <summary>The PEM file of the CA that issued it.</summary>
    public string CaCertificatePath => Path.Combine(_folder, "ca.crt");

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Makes the CA and TSA certificates and starts serving; <see cref="InvalidOperationException"/> when openssl is missing or fails.</summary>
    public static async Task<FakeTimestampAuthority> StartAsync()
    {
        if (!File.Exists(OpenSsl))
        {
            throw new InvalidOperationException($"The local timestamp authority needs openssl at {OpenSsl} (apt-get install openssl); it is missing, so this test cannot run.");
        }

        var folder = Directory.CreateTempSubdirectory("distressbot-tsa-").FullName;
        try
        {
            await MakeCertificatesAsync(folder);
            FakeTimestampAuthority? tsa = null;
            var server = await LoopbackServer.StartAsync(ctx => tsa!.HandleAsync(ctx));
            tsa = new FakeTimestampAuthority(server, folder);
            return tsa;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>The TSA's certificate.</summary>
    public X509Certificate2 TsaCertificate() => X509Certificate2.CreateFromPem(File.ReadAllText(TsaCertificatePath));

    /// <summary>The CA's certificate.</summary>
    public X509Certificate2 CaCertificate() => X509Certificate2.CreateFromPem(File.ReadAllText(CaCertificatePath));

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _one.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task MakeCertificatesAsync(string folder)
    {
        string In(string name) => Path.Combine(folder, name);
        await File.WriteAllTextAsync(In("tsa.ext"), "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n");
        await File.WriteAllTextAsync(In("serial"), "01\n");
        await File.WriteAllTextAsync(In("tsa.cnf"), $"""
            [ tsa ]
            default_tsa = local_tsa
            [ local_tsa ]
            serial = {In("serial")}
            crypto_device = builtin
            signer_cert = {In("tsa.crt")}
            certs = {In("ca.crt")}
            signer_key = {In("tsa.key")}
            signer_digest = sha256
            default_policy = 1.3.6.1.4.1.55555.1
            digests = sha256, sha384, sha512
            accuracy = secs:1
            ordering = yes
            tsa_name = yes
            ess_cert_id_chain = no
            ess_cert_id_alg = sha256

            """);
        await RunAsync("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", In("ca.key"), "-out", In("ca.crt"),
            "-days", "3650", "-subj", "/CN=DistressBot test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        await RunAsync("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", In("tsa.key"), "-out", In("tsa.csr"), "-subj", "/CN=DistressBot test TSA");
        await RunAsync("x509", "-req", "-in", In("tsa.csr"), "-CA", In("ca.crt"), "-CAkey", In("ca.key"), "-CAcreateserial", "-out", In("tsa.crt"), "-days", "3650", "-extfile", In("tsa.ext"));
    }

    private static async Task<byte[]> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(OpenSsl) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start.");
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {arguments[0]} failed ({process.ExitCode}): {await error}");
        }

        return output.ToArray();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (context.Request.Method != "POST")
        {
            context.Response.StatusCode = 405;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        await _one.WaitAsync();
        try
        {
            var query = Path.Combine(_folder, "request.tsq");
            var reply = Path.Combine(_folder, "reply.tsr");
            await File.WriteAllBytesAsync(query, body.ToArray());
            await RunAsync("ts", "-reply", "-config", Path.Combine(_folder, "tsa.cnf"), "-queryfile", query, "-out", reply);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/timestamp-reply";
            await context.Response.Body.WriteAsync(await File.ReadAllBytesAsync(reply));
        }
        finally
        {
            _one.Release();
        }
    }
}
