namespace DistressBot.Localization;

/// <summary>Which of the two wordings a reader gets: the plain one, or cover wording that reads like an ordinary app.</summary>
public enum TextVoice
{
    /// <summary>The bot's own words (<see cref="TextCatalogue"/>).</summary>
    Plain,

    /// <summary>For a subject whose phone may be in other hands: no check-in, safety, SOS, alarm, coordinator or lawyer (<see cref="CoverCatalogue"/>).</summary>
    Cover,
}
