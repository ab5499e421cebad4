namespace DistressBot.Tests.Storage.Fakes;

/// <summary>A fact that runs only when DISTRESSBOT_MEASURE=1, for measurements that are reported, never asserted.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MeasureFactAttribute : FactAttribute
{
    public MeasureFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DISTRESSBOT_MEASURE") != "1")
        {
            Skip = "measurement: set DISTRESSBOT_MEASURE=1 to run";
        }
    }
}
