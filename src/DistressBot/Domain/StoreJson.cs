using System.Text.Json;
using System.Text.Json.Serialization;

namespace DistressBot.Domain;

/// <summary>The one JSON shape used for everything sealed into the store.</summary>
public static class StoreJson
{
    /// <summary>camelCase, enums as strings, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
