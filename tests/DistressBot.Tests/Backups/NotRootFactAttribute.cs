namespace DistressBot.Tests.Backups;

/// <summary>A fact about file permissions, skipped when the tests run as root: root writes through any mode, so the refusal cannot happen.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (Environment.UserName == "root")
        {
            Skip = "running as root: file modes do not stop root";
        }
    }
}
