namespace DistressBot.Escalation;

/// <summary>A location a subject shared, as the domain takes it: degrees (WGS 84) and whether it is a live location that keeps updating.</summary>
public sealed record LocationShare(double Latitude, double Longitude, bool Live);
