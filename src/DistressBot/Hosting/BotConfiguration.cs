using Microsoft.Extensions.Configuration;

namespace DistressBot.Hosting;

/// <summary>Where settings come from: appsettings.json beside the program, an optional file named by DISTRESSBOT_CONFIG, then DISTRESSBOT_* variables.</summary>
public static class BotConfiguration
{
    /// <summary>Environment variable naming an extra JSON settings file (for example /etc/distressbot/appsettings.json).</summary>
    public const string ConfigFileVariable = "DISTRESSBOT_CONFIG";

    /// <summary>Builds the configuration of this process.</summary>
    public static IConfigurationRoot Build()
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (Environment.GetEnvironmentVariable(ConfigFileVariable) is { Length: > 0 } extra)
        {
            builder.AddJsonFile(Path.GetFullPath(extra), optional: false, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables("DISTRESSBOT_").Build();
    }
}
