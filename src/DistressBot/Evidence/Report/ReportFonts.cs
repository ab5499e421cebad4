using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace DistressBot.Evidence.Report;

/// <summary>
/// The report's fonts, DejaVu Sans and DejaVu Sans Mono (Cyrillic included), embedded in this assembly
/// (Evidence/Report/Fonts, Bitstream Vera licence beside them, which permits embedding) and handed to PDFsharp
/// through its one global <see cref="IFontResolver"/>.
/// </summary>
/// <remarks>
/// PDFsharp 6 has no system fonts on Linux and keeps a single process-wide resolver that must not change once a font
/// was used. <see cref="Install"/> sets ours when none is set; when a host set its own first, ours becomes the
/// fallback resolver (asked for the families the host's does not know) instead of replacing it. The family names are
/// our own, so no other resolver mistakes them for a font it has.
/// </remarks>
public sealed class ReportFonts : IFontResolver
{
    /// <summary>The proportional family (DejaVu Sans); bold is simulated.</summary>
    public const string Sans = "DistressBot Report Sans";

    /// <summary>The monospaced family for hashes, keys and the checkpoint (DejaVu Sans Mono).</summary>
    public const string Mono = "DistressBot Report Mono";

    private const string SansFace = "DejaVuSans";
    private const string MonoFace = "DejaVuSansMono";

    private static readonly Lock Gate = new();
    private static readonly ReportFonts Instance = new();
    private static readonly Lazy<byte[]> SansBytes = new(() => Load(SansFace));
    private static readonly Lazy<byte[]> MonoBytes = new(() => Load(MonoFace));
    private static readonly Lazy<FontCoverage> SansCoverage = new(() => FontCoverage.Of(SansBytes.Value));
    private static readonly Lazy<FontCoverage> MonoCoverage = new(() => FontCoverage.Of(MonoBytes.Value));

    private ReportFonts()
    {
    }

    /// <summary>
    /// Makes PDFsharp find our families, once per process and thread-safe: as the global resolver when none is set,
    /// else as the fallback resolver, leaving a resolver someone else set in place.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another resolver and another fallback resolver are both set, so ours cannot be reached.</exception>
    public static void Install()
    {
        lock (Gate)
        {
            var current = GlobalFontSettings.FontResolver;
            if (ReferenceEquals(current, Instance) || ReferenceEquals(GlobalFontSettings.FallbackFontResolver, Instance))
            {
                return;
            }

            if (current is null)
            {
                GlobalFontSettings.FontResolver = Instance;
                return;
            }

            if (GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = Instance;
                return;
            }

            throw new InvalidOperationException(
                "PDFsharp already has a font resolver and a fallback font resolver of someone else's; the report's fonts (DejaVu) cannot be added.");
        }
    }

    /// <summary>Our face for <paramref name="familyName"/> (bold simulated, italic ignored); null for any other family, so other resolvers keep theirs.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        Sans => new FontResolverInfo(SansFace, bold, false),
        Mono => new FontResolverInfo(MonoFace, bold, false),
        _ => null,
    };

    /// <summary>The TrueType bytes of a face <see cref="ResolveTypeface"/> named; null for any other.</summary>
    public byte[]? GetFont(string faceName) => faceName switch
    {
        SansFace => SansBytes.Value,
        MonoFace => MonoBytes.Value,
        _ => null,
    };

    /// <summary>The text as <paramref name="font"/> can draw it: each character its face lacks (emoji, rare scripts) written <c>[U+1F6A8]</c>.</summary>
    internal static string Printable(string text, XFont font) =>
        (font.FontFamily.Name == Mono ? MonoCoverage : SansCoverage).Value.Printable(text);

    /// <summary>The resolver <see cref="Install"/> registers (for tests that check what it answers).</summary>
    internal static ReportFonts Resolver => Instance;

    private static byte[] Load(string face)
    {
        var name = $"DistressBot.Evidence.Report.Fonts.{face}.ttf";
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the assembly; the build lost it.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
