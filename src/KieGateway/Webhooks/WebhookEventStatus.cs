using System.Text.Json.Serialization;

namespace KieGateway.Webhooks;

[JsonConverter(typeof(JsonStringEnumConverter<WebhookEventStatus>))]
public enum WebhookEventStatus
{
    /// <summary>Not delivered yet; another attempt is scheduled.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("delivered")]
    Delivered,

    /// <summary>The gateway gave up: the schedule ran out, or the event could not be signed.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
