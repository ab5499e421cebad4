using System.CommandLine;
using System.CommandLine.Parsing;
using DistressBot.Domain;
using DistressBot.Localization;

namespace DistressBot.Cli;

/// <summary>
/// The typed arguments commands share: durations, case numbers, languages, choices and paths. Each is parsed with
/// the command line, before anything is opened, and a bad value is named with the form it should take (exit 2).
/// </summary>
internal static class CliArguments
{
    /// <summary>An option holding a duration read by the project's own <see cref="DurationParser"/> (30s, 5m, 1h30m, 2d; at most 30 days).</summary>
    public static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = result => OneToken<TimeSpan?>(
            result,
            text => DurationParser.TryParse(text, out var value) ? value : null,
            text => $"{name} takes a duration such as 30s, 5m, 1h30m or 2d (at most {DurationParser.Maximum.TotalDays:0} days), not '{text}'."),
    };

    /// <summary>The CASE argument: a case number as <see cref="CaseNumber"/> reads it (C-0042), upper-cased.</summary>
    public static Argument<string> Case(string description) => new("CASE")
    {
        Description = description,
        CustomParser = result => OneToken(
            result,
            typed => typed.Trim().ToUpperInvariant() is var id && CaseNumber.IsValid(id) ? id : null,
            typed => $"'{typed}' is not a case number: case numbers read like C-0042."),
    };

    /// <summary>`--lang ru|en`, completion limited to those two; null when not given (the command's own default then applies).</summary>
    public static Option<Language?> Language(string description)
    {
        var option = new Option<Language?>("--lang")
        {
            Description = description,
            HelpName = "ru|en",
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = result => OneToken<Language?>(
                result,
                text => LanguagePicker.TryParse(text, out var language) ? language : null,
                text => $"--lang takes ru or en, not '{text}'."),
        };
        option.CompletionSources.Add("ru", "en");
        return option;
    }

    /// <summary>A positional word that must be one of <paramref name="choices"/> (which also complete it); <paramref name="refusal"/> words the error for another word.</summary>
    public static Argument<string> Choice(string name, string description, Func<string, string> refusal, params string[] choices)
    {
        var argument = new Argument<string>(name) { Description = description, HelpName = string.Join('|', choices) };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => !choices.Contains(t.Value, StringComparer.Ordinal)) is { } other)
            {
                result.AddError(refusal(other.Value));
            }
        });
        argument.CompletionSources.Add(choices);
        return argument;
    }

    /// <summary>A positional path that must not be empty (an empty path names no file or folder).</summary>
    public static Argument<string> Path(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result => RefuseEmpty(result, name, "a path"));
        return argument;
    }

    /// <summary>An option taking a path that must not be empty; <paramref name="required"/> makes leaving it out an error.</summary>
    public static Option<string> PathOption(string name, string helpName, string description, bool required)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName, Required = required };
        option.Validators.Add(result => RefuseEmpty(result, name, "a path"));
        return option;
    }

    /// <summary>An option taking a name (a person's name or alias) that must not be empty.</summary>
    public static Option<string> Name(string name, string description, bool required)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "NAME", Required = required };
        option.Validators.Add(result => RefuseEmpty(result, name, "a name"));
        return option;
    }

    /// <summary>`--yes`: the confirmation given up front, for scripts and for commands handed to the running bot.</summary>
    public static Option<bool> Yes(string what) => new("--yes") { Description = $"{what} without asking (needed where there is no terminal to ask on)" };

    /// <summary><paramref name="path"/> made absolute from <paramref name="workingDirectory"/>: the admin's folder, even when the bot runs the command.</summary>
    public static string FullPath(string path, string workingDirectory) => System.IO.Path.GetFullPath(path, workingDirectory);

    /// <summary>
    /// The one token of <paramref name="result"/> read by <paramref name="read"/> (null: not of its form); a token that does not
    /// read, or none, is the parse's error as <paramref name="refusal"/> words it, so the command does not run (exit 2).
    /// </summary>
    public static T? OneToken<T>(ArgumentResult result, Func<string, T?> read, Func<string, string> refusal)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var value = read(text);
        if (value is null)
        {
            result.AddError(refusal(text));
        }

        return value;
    }

    private static void RefuseEmpty(SymbolResult result, string name, string what)
    {
        if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
        {
            result.AddError($"{name} is empty: give {what}.");
        }
    }
}
