namespace DistressBot.Localization;

/// <summary>The languages every text exists in; Russian first.</summary>
public enum Language
{
    /// <summary>Russian.</summary>
    Ru,

    /// <summary>English.</summary>
    En,
}

/// <summary>Maps a Telegram <c>language_code</c> to one of our languages.</summary>
public static class LanguagePicker
{
    /// <summary>Russian for ru/uk/be/kk (Russian readers), English for en, otherwise <paramref name="fallback"/>.</summary>
    public static Language FromTelegramCode(string? code, Language fallback)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return fallback;
        }

        var primary = code.Split('-', 2)[0].ToUpperInvariant();
        return primary switch
        {
            "RU" or "UK" or "BE" or "KK" => Language.Ru,
            "EN" => Language.En,
            _ => fallback,
        };
    }

    /// <summary>Parses "ru"/"en" from configuration.</summary>
    public static bool TryParse(string? value, out Language language)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "RU":
                language = Language.Ru;
                return true;
            case "EN":
                language = Language.En;
                return true;
            default:
                language = Language.Ru;
                return false;
        }
    }
}
