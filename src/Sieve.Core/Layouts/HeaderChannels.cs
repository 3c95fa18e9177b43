namespace Sieve.Core.Layouts;

/// <summary>
/// Names of the per-event header side channels that the slot layouts carry (and need to turn rows back
/// into events): the event id and process id verbatim, and the weight as round-trip text.
/// </summary>
public static class HeaderChannels
{
    /// <summary>Event identifier, verbatim.</summary>
    public const string EventId = "event_id";

    /// <summary>Process identifier (the DarkMachines process name), verbatim.</summary>
    public const string ProcessId = "process_id";

    /// <summary>Event weight, round-trip text.</summary>
    public const string Weight = "weight";
}
